import Crypto
import Foundation

/// Processes the photos of `Content/media/`: every JPEG, PNG, WebP, HEIC and AVIF is published
/// upright, in sRGB, without metadata, at the widths of `images.widths` (never enlarged) in
/// WebP and in its own format (HEIC and AVIF as JPEG), and as a 1200×630 sharing image cut
/// around its most interesting part. GIFs, SVGs and other files are published as they are.
///
/// Files made are kept in `.portal-cache/NAME.photos/` beside the output under a key of the
/// source's SHA-256, the fit and the encoding (with libvips' version and this stage's), so a
/// rebuild processes only new photos and changed settings; the source's digest is itself kept
/// by path, size, modification time and inode, so an unchanged photo is not even read.
struct PhotoStage {
    let media: [(path: String, diskPath: String)]
    let settings: PhotoSettings
    /// `Content` as the user named it, for messages.
    let displayRoot: String
    let output: String
    let jobs: Int

    /// Bump when what a key describes changes (the encoders' settings in shim.h included).
    static let version = "3"
    static let shareWidth = 1200
    static let shareHeight = 630
    static let warnMegapixels = 40
    static let warnBytes = 20 * 1024 * 1024

    static func folder(output: String) -> String { RenderCache.path(for: output, kind: "photos") }

    func run(warnings: WarningLog) throws(BuildFailure) -> PhotoSet {
        let folder = Self.folder(output: output)
        let index = PhotoIndex.load(folder: folder)
        var set = PhotoSet()
        var errors: [any PortalError] = []

        // What each file is: read its first bytes, then its digest and header (or the index's).
        let displayRoot = self.displayRoot
        let inspected = ParallelMap.map(media, jobs: jobs) { file -> Inspection in
            Self.inspect(file, display: "\(displayRoot)/\(file.path)", index: index)
        }
        var sources: [(path: String, diskPath: String, display: String, source: PhotoIndex.Source)] = []
        for (file, inspection) in zip(media, inspected) {
            switch inspection {
            case .copy: set.copies.append(file)
            case .failed(let error): errors.append(error)
            case .photo(let source, let warnings_):
                warnings_.forEach(warnings.add)
                sources.append((file.path, file.diskPath, "\(displayRoot)/\(file.path)", source))
            }
        }
        if let share = settings.shareImage, !sources.contains(where: { $0.path == share }) {
            errors.append(
                PhotoError.shareImage(
                    settings.shareImageLocation ?? SourceLocation(file: "\(displayRoot)/site.yml"), share))
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        // Every file to publish, grouped by how the photo is fitted: one decode per group.
        let plans = sources.map { plan($0.path, $0.source) }
        var tasks: [(photo: Int, group: Int)] = []
        for (p, plan) in plans.enumerated() {
            for (g, group) in plan.groups.enumerated()
            where group.outputs.contains(where: { index.derivatives[$0.key] == nil || !Self.exists(folder, $0.key) }) {
                tasks.append((p, g))
            }
        }
        // libvips runs one thread per image: `jobs` images at once keep to `jobs` threads, and
        // the bytes do not depend on how many there are.
        if !tasks.isEmpty, !Vips.start(threadsPerImage: 1) {
            throw BuildFailure([PhotoError.library(Vips.takeError())])
        }
        let keep = settings.keepCopyright
        let sourceList = sources
        let made = ParallelMap.map(tasks, jobs: jobs) { task -> Result<[(String, PhotoIndex.Derivative)], PhotoError> in
            let source = sourceList[task.photo]
            var group = plans[task.photo].groups[task.group]
            group.outputs.removeAll { index.derivatives[$0.key] != nil && Self.exists(folder, $0.key) }
            return Self.make(group, from: source.diskPath, display: source.display, keep: keep, folder: folder)
        }
        var derivatives = index.derivatives
        for result in made {
            switch result {
            case .success(let files): for (key, derivative) in files { derivatives[key] = derivative }
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        var digest = FieldDigest()
        var used: [String: PhotoIndex.Derivative] = [:]
        for ((path, _, _, source), plan) in zip(sources, plans) {
            var files: [PhotoFile] = []
            for group in plan.groups {
                for output in group.outputs {
                    let derivative = derivatives[output.key]!
                    used[output.key] = derivative
                    let file = PhotoFile(
                        path: output.path, width: derivative.width, height: derivative.height, kind: output.kind,
                        key: output.key, size: derivative.size)
                    files.append(file)
                    set.files.append((file, "\(folder)/\(output.key)"))
                }
            }
            files.sort { ($0.kind.rawValue, $0.width) < ($1.kind.rawValue, $1.width) }
            let photo = Photo(
                source: path, format: source.format, width: source.width, height: source.height, files: files)
            set.photos[path] = photo
            digest.add(path)
            digest.add(photo.signature)
        }
        set.digest = digest.finish()
        if let share = settings.shareImage { set.defaultShare = set.photos[share]?.share }

        var next = PhotoIndex()
        next.sources = Dictionary(sources.map { ($0.diskPath, $0.source) }, uniquingKeysWith: { a, _ in a })
        next.derivatives = used
        next.save(folder: folder)
        // Files of photos and settings gone since; the cache holds this build's files only.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name != PhotoIndex.fileName && used[name] == nil {
            unlink("\(folder)/\(name)")
        }
        return set
    }

    // MARK: Inspecting

    enum Inspection: Sendable {
        case copy
        case photo(PhotoIndex.Source, [Diagnostic])
        case failed(PhotoError)
    }

    static func inspect(_ file: (path: String, diskPath: String), display: String, index: PhotoIndex) -> Inspection {
        let location = SourceLocation(file: display)
        let named = PhotoFormat.of(name: file.path)
        let found = PhotoFormat.sniff(Self.firstBytes(file.diskPath, 16))
        // A file whose content is an image of another kind than its name says could carry a
        // photo past processing (a JPEG named .gif would keep its GPS position).
        if let found, found != named {
            return .failed(.mismatch(location, named: named, found: found))
        }
        guard let format = named else { return .copy }
        if format.isRefused { return .failed(.unsupported(location, format)) }
        guard format.isProcessed else { return .copy }
        guard found != nil else { return .failed(.notAnImage(location, format)) }

        let stamp = FileStamp(file.diskPath)
        if let stamp, let known = index.sources[file.diskPath], known.stamp == stamp {
            return .photo(known, warnings(known, location))
        }
        guard let data = FileIO.read(file.diskPath), let stamp else { return .failed(.unreadable(location)) }
        let header: Vips.Header
        guard Vips.start(threadsPerImage: 1) else { return .failed(.library(Vips.takeError())) }
        do { header = try Vips.header(path: file.diskPath) } catch {
            return .failed(.corrupt(location, format, error.message))
        }
        var actual = format
        if header.loader.hasPrefix("heif") { actual = header.compression == "av1" ? .avif : .heic }
        guard header.width > 0, header.height > 0 else { return .failed(.noPixels(location, format)) }
        let turned = (5...8).contains(header.orientation)
        let source = PhotoIndex.Source(
            stamp: stamp, digest: Hex.string(SHA256.hash(data: data)), format: actual,
            width: turned ? header.height : header.width, height: turned ? header.width : header.height,
            hasAlpha: header.hasAlpha, bytes: data.count)
        return .photo(source, warnings(source, location))
    }

    private static func warnings(_ source: PhotoIndex.Source, _ location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let megapixels = Double(source.width) * Double(source.height) / 1_000_000
        if megapixels > Double(warnMegapixels) {
            found.append(
                Diagnostic(
                    severity: .warning, location: location,
                    message: PhotoMessages.tooManyPixels(
                        megapixels: Int(megapixels.rounded()), width: source.width, height: source.height,
                        limit: warnMegapixels),
                    help: PhotoMessages.tooManyPixelsHelp(limit: warnMegapixels)))
        }
        if source.bytes > warnBytes {
            found.append(
                Diagnostic(
                    severity: .warning, location: location,
                    message: PhotoMessages.tooLarge(
                        megabytes: source.bytes / (1024 * 1024), limit: warnBytes / (1024 * 1024)),
                    help: PhotoMessages.tooLargeHelp))
        }
        return found
    }

    static func firstBytes(_ path: String, _ count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    static func exists(_ folder: String, _ key: String) -> Bool { FileIO.regularSize("\(folder)/\(key)") != nil }

    // MARK: Planning

    struct Output: Sendable {
        var path: String
        var kind: PhotoFile.Kind
        var encoding: Encoding
        var key: String
    }

    enum Encoding: Sendable, Hashable {
        case jpeg(Int), webp(Int), png

        var description: String {
            switch self {
            case .jpeg(let q): "jpeg q\(q)"
            case .webp(let q): "webp q\(q)"
            case .png: "png"
            }
        }

        var fileExtension: String {
            switch self {
            case .jpeg: "jpg"
            case .webp: "webp"
            case .png: "png"
            }
        }
    }

    /// One decode of a photo (a width, or the sharing crop) and the files encoded from it.
    struct Group: Sendable {
        var fit: Fit
        var outputs: [Output]
    }

    enum Fit: Sendable, Hashable {
        case width(Int)
        case share

        var description: String {
            switch self {
            case .width(let width): "width \(width)"
            case .share: "attention crop \(PhotoStage.shareWidth)x\(PhotoStage.shareHeight)"
            }
        }
    }

    struct Plan: Sendable {
        var groups: [Group]
    }

    /// The files of `anh.jpg`: `anh.jpg.480w.webp`, `anh.jpg.480w.jpg`, … for each width narrower
    /// than the photo (and `largest`), then the widest at `anh.jpg.<W>w.webp` and `anh.jpg` (the
    /// source's address; `anh.heic.jpg` beside a HEIC or AVIF), and `anh.jpg.share.jpg`.
    func plan(_ path: String, _ source: PhotoIndex.Source) -> Plan {
        let widest = min(source.width, settings.largest)
        // Named after the whole source name, so `anh.jpg` and `anh.png` make different files.
        let stem = path
        let fallback: Encoding
        let fallbackAddress: String
        switch source.format {
        case .png: (fallback, fallbackAddress) = (.png, path)
        case .webp: (fallback, fallbackAddress) = (.webp(settings.webpQuality), path)
        case .jpeg: (fallback, fallbackAddress) = (.jpeg(settings.jpegQuality), path)
        default: (fallback, fallbackAddress) = (.jpeg(settings.jpegQuality), "\(stem).jpg")
        }
        let keep = settings.keepCopyright ? "keep Artist, Copyright" : "strip"
        func key(_ fit: Fit, _ encoding: Encoding) -> String {
            FieldDigest.of([
                Self.version, Vips.version, source.digest, fit.description, encoding.description, keep,
            ])
        }
        var groups: [Group] = []
        for width in settings.widths.filter({ $0 < widest }) + [widest] {
            let fit = Fit.width(width)
            let isWidest = width == widest
            var outputs: [Output] = []
            if fallback != .webp(settings.webpQuality) {
                let webp = Encoding.webp(settings.webpQuality)
                outputs.append(Output(path: "\(stem).\(width)w.webp", kind: .webp, encoding: webp, key: key(fit, webp)))
            }
            let fallbackPath = isWidest ? fallbackAddress : "\(stem).\(width)w.\(fallback.fileExtension)"
            outputs.append(Output(path: fallbackPath, kind: .fallback, encoding: fallback, key: key(fit, fallback)))
            groups.append(Group(fit: fit, outputs: outputs))
        }
        let share = Encoding.jpeg(settings.jpegQuality)
        groups.append(
            Group(
                fit: .share,
                outputs: [Output(path: "\(stem).share.jpg", kind: .share, encoding: share, key: key(.share, share))]))
        return Plan(groups: groups)
    }

    // MARK: Making

    /// Decodes the photo once for `group` and writes each of its files into the cache.
    static func make(_ group: Group, from diskPath: String, display: String, keep: Bool, folder: String)
        -> Result<[(String, PhotoIndex.Derivative)], PhotoError>
    {
        let location = SourceLocation(file: display)
        let picture: VipsPicture
        do {
            switch group.fit {
            case .width(let width): picture = try VipsPicture.load(diskPath, fit: .width(width))
            case .share:
                picture = try VipsPicture.load(diskPath, fit: .attentionCrop(width: shareWidth, height: shareHeight))
            }
        } catch {
            return .failure(.corrupt(location, PhotoFormat.of(name: diskPath) ?? .jpeg, error.message))
        }
        let kept = keep ? VipsPicture.fields(of: diskPath, ["exif-ifd0-Artist", "exif-ifd0-Copyright"]) : []
        var made: [(String, PhotoIndex.Derivative)] = []
        for output in group.outputs {
            do {
                let data: Data
                switch output.encoding {
                case .jpeg(let quality):
                    data = try picture.flattened().encoded(.jpeg(quality: quality), keep: kept)
                case .webp(let quality):
                    let encoded = try picture.encoded(.webp(quality: quality), keep: kept)
                    data = kept.isEmpty ? WebPMetadata.stripped(encoded) : encoded
                case .png: data = try picture.encoded(.png, keep: kept)
                }
                CacheFile.replace("\(folder)/\(output.key)", with: [UInt8](data))
                guard exists(folder, output.key) else {
                    return .failure(.cannotCache("\(folder)/\(output.key)"))
                }
                made.append(
                    (output.key, PhotoIndex.Derivative(width: picture.width, height: picture.height, size: data.count)))
            } catch {
                return .failure(.corrupt(location, PhotoFormat.of(name: diskPath) ?? .jpeg, error.message))
            }
        }
        return .success(made)
    }
}

/// What a file was when last looked at: a photo whose stamp is the same was not changed (as
/// git's index decides; a tool that rewrites a file within the same nanosecond keeping its
/// size and inode would fool it).
struct FileStamp: Sendable, Hashable {
    var size: Int
    var modified: Int
    var changed: Int
    var inode: UInt64

    init(size: Int, modified: Int, changed: Int, inode: UInt64) {
        (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
    }

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// `.portal-cache/NAME.photos/index`: each source's stamp, digest and header, and each file
/// made (by key) with its size in pixels and bytes.
struct PhotoIndex: Sendable {
    struct Source: Sendable {
        var stamp: FileStamp
        var digest: String
        var format: PhotoFormat
        var width: Int
        var height: Int
        var hasAlpha: Bool
        var bytes: Int
    }

    struct Derivative: Sendable {
        var width: Int
        var height: Int
        var size: Int
    }

    static let fileName = "index"
    static let version = "1"

    /// Unlike the other caches, these do not name the portal binary: what they hold depends on
    /// the source files, the settings in each key, libvips' version and `PhotoStage.version`,
    /// so a rebuilt portal does not process every photo again.
    private static var identity: String { "photos|\(version)|\(PhotoStage.version)|\(Vips.version)" }

    static func writer() -> ByteWriter {
        var writer = ByteWriter()
        writer.string(identity)
        return writer
    }

    static func reader(_ path: String) -> ByteReader? {
        guard let data = FileIO.read(path) else { return nil }
        var reader = ByteReader(bytes: [UInt8](data))
        return reader.string() == identity ? reader : nil
    }

    /// Disk path → what it was.
    var sources: [String: Source] = [:]
    var derivatives: [String: Derivative] = [:]

    static func load(folder: String) -> PhotoIndex {
        var index = PhotoIndex()
        guard var reader = Self.reader("\(folder)/\(fileName)"), let count = reader.int()
        else { return index }
        for _ in 0..<count {
            guard let path = reader.string(), let size = reader.int(), let modified = reader.int(),
                let changed = reader.int(), let inode = reader.int(), let digest = reader.string(),
                let format = reader.string().flatMap(PhotoFormat.init(rawValue:)), let width = reader.int(),
                let height = reader.int(), let alpha = reader.int(), let bytes = reader.int()
            else { return PhotoIndex() }
            index.sources[path] = Source(
                stamp: FileStamp(
                    size: size, modified: modified, changed: changed, inode: UInt64(bitPattern: Int64(inode))),
                digest: digest, format: format, width: width, height: height, hasAlpha: alpha == 1, bytes: bytes)
        }
        guard let made = reader.int() else { return PhotoIndex() }
        for _ in 0..<made {
            guard let key = reader.string(), let width = reader.int(), let height = reader.int(),
                let size = reader.int()
            else { return PhotoIndex() }
            // A file that is gone or damaged is made again.
            if FileIO.regularSize("\(folder)/\(key)") == size {
                index.derivatives[key] = Derivative(width: width, height: height, size: size)
            }
        }
        return index
    }

    func save(folder: String) {
        var writer = Self.writer()
        writer.int(sources.count)
        for (path, source) in sources.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.int(source.stamp.size)
            writer.int(source.stamp.modified)
            writer.int(source.stamp.changed)
            writer.int(Int(Int64(bitPattern: source.stamp.inode)))
            writer.string(source.digest)
            writer.string(source.format.rawValue)
            writer.int(source.width)
            writer.int(source.height)
            writer.int(source.hasAlpha ? 1 : 0)
            writer.int(source.bytes)
        }
        writer.int(derivatives.count)
        for (key, derivative) in derivatives.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.int(derivative.width)
            writer.int(derivative.height)
            writer.int(derivative.size)
        }
        CacheFile.replace("\(folder)/\(Self.fileName)", with: writer.bytes)
    }
}

/// Problems with the photos of `Content/media/`; the texts are `PhotoMessages`.
public enum PhotoError: CataloguedError {
    case mismatch(SourceLocation, named: PhotoFormat?, found: PhotoFormat)
    case unsupported(SourceLocation, PhotoFormat)
    case notAnImage(SourceLocation, PhotoFormat)
    /// libvips's words (English), empty when it gave none.
    case corrupt(SourceLocation, PhotoFormat, String)
    /// A header of zero width or height.
    case noPixels(SourceLocation, PhotoFormat)
    case unreadable(SourceLocation)
    case shareImage(SourceLocation, String)
    case library(String)
    case cannotCache(String)

    public var location: SourceLocation? {
        switch self {
        case .mismatch(let l, _, _), .unsupported(let l, _), .notAnImage(let l, _), .corrupt(let l, _, _),
            .noPixels(let l, _), .unreadable(let l), .shareImage(let l, _):
            l
        case .library: nil
        case .cannotCache(let path): SourceLocation(file: path)
        }
    }

    public var messageText: Message {
        switch self {
        case .mismatch(_, let named, let found): PhotoMessages.mismatch(found: found.name, named: named?.name)
        case .unsupported(_, let format): PhotoMessages.unsupported(format.name)
        case .notAnImage(_, let format): PhotoMessages.notAnImage(format.name)
        case .corrupt(_, let format, let detail):
            PhotoMessages.corrupt(format.name, detail: detail.isEmpty ? nil : detail)
        case .noPixels(_, let format): PhotoMessages.noPixels(format.name)
        case .unreadable: ContentMessages.unreadable
        case .shareImage(_, let path): PhotoMessages.shareImage(path)
        case .library(let detail): PhotoMessages.library(detail)
        case .cannotCache: PhotoMessages.cannotCache
        }
    }

    public var helpText: Message? {
        switch self {
        case .mismatch(_, _, let found):
            PhotoMessages.mismatchHelp(fileExtension: found == .jpeg ? "jpg" : found.rawValue)
        case .unsupported: PhotoMessages.unsupportedHelp
        case .notAnImage, .corrupt, .noPixels: PhotoMessages.damagedHelp
        case .unreadable: ContentMessages.unreadableHelp
        case .shareImage: PhotoMessages.shareImageHelp
        case .library: PhotoMessages.libraryHelp
        case .cannotCache: PhotoMessages.cannotCacheHelp
        }
    }
}

extension PhotoStage {
    /// `.portal-cache/NAME.photos-published`: the key each photo file in the output was made
    /// with. Removed before the output changes and written after, like the render cache.
    static func publishedPath(output: String) -> String { RenderCache.path(for: output, kind: "photos-published") }

    static func published(output: String) -> [String: String] {
        guard var reader = PhotoIndex.reader(publishedPath(output: output)), let count = reader.int()
        else { return [:] }
        var map: [String: String] = [:]
        for _ in 0..<count {
            guard let path = reader.string(), let key = reader.string() else { return [:] }
            map[path] = key
        }
        return map
    }

    static func forgetPublished(output: String) { unlink(publishedPath(output: output)) }

    static func savePublished(_ photos: PhotoSet, output: String) {
        var writer = PhotoIndex.writer()
        writer.int(photos.files.count)
        for (file, _) in photos.files.sorted(by: { $0.file.path < $1.file.path }) {
            writer.string(file.path)
            writer.string(file.key)
        }
        CacheFile.replace(publishedPath(output: output), with: writer.bytes)
    }
}
