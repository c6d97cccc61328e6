import Crypto
import Foundation

/// The theme's stylesheets and scripts, published under names that carry a hash of their
/// bytes (`style.3f2a9c1b.css`) so they can be cached for ever, and referenced with
/// Subresource Integrity. Other assets (images, fonts) keep their names, since stylesheets
/// refer to them by name.
struct AssetFingerprints: Sendable {
    struct Asset: Sendable {
        /// Output path: `assets/style.3f2a9c1b.css`.
        var path: String
        /// `sha384-…` for the `integrity` attribute.
        var integrity: String
    }

    /// Template key (`style_css`) → asset.
    var assets: [String: Asset] = [:]
    /// The files to publish: output path → body.
    var files: [OutputFile] = []

    static let fingerprinted: Set<String> = ["css", "js"]

    static let empty = AssetFingerprints()

    private init() {}

    init(theme assets: [(path: String, diskPath: String)]) throws(ThemeError) {
        for asset in assets {
            let ext = (asset.path as NSString).pathExtension
            guard Self.fingerprinted.contains(ext) else {
                files.append(OutputFile(path: asset.path, body: .copy(from: asset.diskPath)))
                continue
            }
            guard let data = FileManager.default.contents(atPath: asset.diskPath) else {
                throw .unreadable(asset.diskPath)
            }
            let digest = Data(SHA384.hash(data: data))
            let short = Hex.string(SHA256.hash(data: data).prefix(4))
            let path = (asset.path as NSString).deletingPathExtension + ".\(short).\(ext)"
            let key = Self.key(for: asset.path)
            self.assets[key] = Asset(path: path, integrity: "sha384-" + digest.base64EncodedString())
            files.append(OutputFile(path: path, body: .data(data)))
        }
    }

    /// `assets/style.css` → `style_css`; `assets/js/search.js` → `js_search_js`.
    static func key(for path: String) -> String {
        String(path.dropFirst("assets/".count).map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// For templates: `{{asset.style_css.url}}`, `{{asset.style_css.integrity}}`.
    func context(base: BaseURL) -> [String: Any] {
        assets.mapValues { ["url": base.sitePath($0.path), "integrity": $0.integrity] }
    }
}
