import Foundation

/// A theme folder: `theme.yml`, Mustache `layouts/` and `partials/`, `i18n/<lang>.yml` UI
/// strings and static `assets/`. Everything is checked before anything renders, because
/// Mustache renders a missing partial or variable as "" without a word.
public struct Theme: Sendable {
    public var name: String
    public var directory: String
    public var library: TemplateLibrary
    /// Names of the page templates in `layouts/`.
    public var layouts: Set<String>
    /// Language → key → text, the site's `Content/i18n/` laid over the theme's.
    public var strings: [String: [String: String]]
    /// Files of `assets/`: output path (`assets/style.css`) → disk path.
    public var assets: [(path: String, diskPath: String)]
    /// Stylesheets and scripts under content-hashed names, with their integrity hashes.
    var fingerprints: AssetFingerprints
    /// `banner/banner.svg.mustache`: the July banner, laid out by the build.
    var bannerTemplate: Template?
    /// The banner template's text, for the banner cache's key (`BannerCache`).
    var bannerText: String?
    /// Each template's text (name → text), for `specialised(_:)`.
    var templateTexts: [String: String] = [:]
    /// A digest of every template, UI string and asset: with a page's context it decides
    /// whether the page would render differently (the render cache).
    var digest: String = ""
    /// `images: {sizes: …}` of theme.yml: how wide the theme shows a photo of a page's body,
    /// for the browser to choose among its widths (`sizes` of `<img>`).
    public var imageSizes = Theme.defaultImageSizes
    public static let defaultImageSizes = "100vw"

    /// Templates every theme must have: one per kind of page.
    public static let requiredLayouts = ["home", "section", "page", "404", "taxonomy", "term", "alias", "search"]

    /// UI strings the build uses itself: the names of the taxonomies and the 404 page's title.
    public static let requiredStrings = ["tags", "agencies", "pillars", "notFoundTitle", "searchTitle"]

    public func hasLayout(_ name: String) -> Bool { layouts.contains(name) }

    /// The templates with `values` written into them (see `TemplateSpecialisation`); they
    /// parsed once already, so they parse again (a failure keeps the templates as they are).
    func specialised(_ values: [String: String]) -> TemplateLibrary {
        var templates: [String: Template] = [:]
        for (name, text) in templateTexts {
            guard let template = try? Template(TemplateSpecialisation.specialise(text, values: values)) else {
                return library
            }
            templates[name] = template
        }
        return TemplateLibrary(templates: templates)
    }
}

extension Theme {
    public static func load(
        directory: String, settings: SiteSettings, contentDirectory: String, strict: Bool = false, warnings: WarningLog
    ) throws(BuildFailure) -> Theme {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw BuildFailure([ThemeError.missingTheme(directory)])
        }
        var errors: [any PortalError] = []
        let manifestPath = "\(directory)/theme.yml"
        var required = requiredLayouts
        var name = (directory as NSString).lastPathComponent
        var imageSizes = defaultImageSizes
        if let data = fm.contents(atPath: manifestPath), let text = try? TextInput.decode(data) {
            do throws(ShapeProblem) {
                for entry in try YAMLNode.parse(text, file: manifestPath).entries("theme.yml") {
                    switch entry.key {
                    case "name": name = try entry.value.nonEmptyString("name")
                    case "requires":
                        required = Array(Set(requiredLayouts + (try entry.value.stringList("requires")))).sorted()
                    case "images":
                        for image in try entry.value.entries("images") {
                            guard image.key == "sizes" else {
                                throw ShapeProblem(
                                    location: image.keyNode.location,
                                    message: SettingsMessages.unknownKey(image.key, in: ThemeMessages.imagesOfManifest),
                                    help: SettingsMessages.unknownKeyHelp(suggestion: nil, known: ["sizes"]))
                            }
                            imageSizes = try image.value.nonEmptyString("images.sizes")
                        }
                    default:
                        let known = ["name", "requires", "images"]
                        throw ShapeProblem(
                            location: entry.keyNode.location,
                            message: SettingsMessages.unknownKey(entry.key, in: "theme.yml"),
                            help: SettingsMessages.unknownKeyHelp(
                                suggestion: Suggestion.closest(to: entry.key, among: known), known: known))
                    }
                }
            } catch { errors.append(ThemeError.manifest(error)) }
        } else {
            errors.append(ThemeError.missingManifest(manifestPath))
        }

        // Layouts and partials share one namespace: a partial is named by its file name.
        var templates: [String: Template] = [:]
        var sources: [(name: String, file: String, text: String)] = []
        var layouts = Set<String>()
        // The theme's templates, then the site's own `Content/layouts/` and `Content/partials/`,
        // which replace the theme's templates of the same name.
        let origins = [(directory, false), (contentDirectory, true)]
        for (root, isOverride) in origins {
            // Links are followed only inside the theme (or content) folder.
            let tree = InputTree(root: root)
            for folder in ["layouts", "partials"] {
                let (files, linkErrors) = tree.files(in: folder)
                errors += linkErrors as [any PortalError]
                for file in files where file.relative.hasSuffix(".mustache") && !file.relative.contains("/") {
                    let templateName = String(file.relative.dropLast(".mustache".count))
                    let filePath = file.displayPath
                    guard let data = fm.contents(atPath: file.diskPath), let text = try? TextInput.decode(data) else {
                        errors.append(ThemeError.unreadable(filePath))
                        continue
                    }
                    if let existing = sources.firstIndex(where: { $0.name == templateName }) {
                        // Within one folder set a name is defined once; a site override replaces.
                        guard isOverride, !sources[existing].file.hasPrefix(contentDirectory) else {
                            errors.append(
                                ThemeError.duplicateName(templateName, first: sources[existing].file, second: filePath))
                            continue
                        }
                        sources.remove(at: existing)
                    }
                    // A layout that does not parse is still there: its syntax error is the one
                    // to report, not a missing layout.
                    if folder == "layouts" { layouts.insert(templateName) }
                    do throws(TemplateSyntaxError) {
                        templates[templateName] = try Template(text)
                        sources.append((templateName, filePath, text))
                    } catch {
                        errors.append(
                            ThemeError.syntax(
                                SourceLocation(file: filePath, line: error.line, column: error.column), error.message))
                    }
                }
            }
        }
        for layout in required where !layouts.contains(layout) {
            errors.append(ThemeError.missingLayout(layout, directory: "\(directory)/layouts"))
        }

        let strings = I18nTables.load(
            themeDirectory: directory, contentDirectory: contentDirectory,
            languages: settings.languages.map(\.code), strict: strict, errors: &errors, warnings: warnings)

        // Strings the build itself puts in pages (taxonomy names, the 404 title).
        for key in requiredStrings {
            for language in settings.languages where strings[language.code]?[key] == nil {
                errors.append(
                    ThemeError.missingString(
                        key, language: language.code, SourceLocation(file: "\(directory)/i18n/\(language.code).yml")))
            }
        }

        // Every partial and every i18n key a template names must exist.
        for source in sources {
            for reference in TemplateScan.references(in: source.text) {
                switch reference.kind {
                case .partial, .parent:
                    if templates[reference.name] == nil {
                        errors.append(
                            ThemeError.missingPartial(
                                reference.name,
                                SourceLocation(file: source.file, line: reference.line, column: reference.column)))
                    }
                case .asset: continue  // checked once the assets are hashed
                case .i18n:
                    for language in settings.languages where strings[language.code]?[reference.name] == nil {
                        errors.append(
                            ThemeError.missingString(
                                reference.name, language: language.code,
                                SourceLocation(file: source.file, line: reference.line, column: reference.column)))
                    }
                }
            }
        }

        // Assets are published: a link in them that leads out of the theme is an error.
        let (assetFiles, assetLinkErrors) = InputTree(root: directory).files(in: "assets")
        errors += assetLinkErrors as [any PortalError]
        let assets = assetFiles.map { ("assets/\($0.relative)", $0.diskPath) }
        let sortedAssets = assets.sorted { $0.0 < $1.0 }
        var fingerprints = AssetFingerprints.empty
        do throws(ThemeError) { fingerprints = try AssetFingerprints(theme: sortedAssets) } catch {
            errors.append(error)
        }
        for source in sources {
            for reference in TemplateScan.references(in: source.text) where reference.kind == .asset {
                if fingerprints.assets[reference.name] == nil {
                    errors.append(
                        ThemeError.missingAsset(
                            reference.name,
                            SourceLocation(file: source.file, line: reference.line, column: reference.column),
                            known: fingerprints.assets.keys.sorted()))
                }
            }
        }
        var bannerTemplate: Template?
        let bannerPath = "\(directory)/banner/banner.svg.mustache"
        var bannerData: Data?
        do throws(InputPathError) { bannerData = try InputTree(root: directory).read(bannerPath) } catch {
            errors.append(error)
        }
        if let data = bannerData {
            do throws(TemplateSyntaxError) {
                // `htmlLegacy`: the escaping the banner has always been drawn with (see its case).
                bannerTemplate = try Template((try? TextInput.decode(data)) ?? "", escaping: .htmlLegacy)
            } catch {
                errors.append(
                    ThemeError.syntax(
                        SourceLocation(file: bannerPath, line: error.line, column: error.column), error.message))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        var digest = ContextDigest()
        for source in sources.sorted(by: { $0.name < $1.name }) { digest.add([source.name, source.text]) }
        digest.add(strings)
        digest.add(
            fingerprints.assets.keys.sorted().map {
                [$0, fingerprints.assets[$0]!.path, fingerprints.assets[$0]!.integrity]
            })
        if let data = bannerData { digest.add(String(decoding: data, as: UTF8.self)) }
        var theme = Theme(
            name: name, directory: directory, library: TemplateLibrary(templates: templates), layouts: layouts,
            strings: strings, assets: sortedAssets, fingerprints: fingerprints, bannerTemplate: bannerTemplate,
            templateTexts: Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.text) }), digest: digest.finish()
        )
        theme.imageSizes = imageSizes
        theme.bannerText = bannerData.map { (try? TextInput.decode($0)) ?? "" }
        return theme
    }
}

/// Problems with the theme, found before anything renders. The texts are `ThemeMessages`.
public enum ThemeError: CataloguedError {
    case missingTheme(String)
    case missingManifest(String)
    case manifest(ShapeProblem)
    case unreadable(String)
    case duplicateName(String, first: String, second: String)
    case syntax(SourceLocation, String)
    case missingLayout(String, directory: String)
    case missingPartial(String, SourceLocation)
    case missingString(String, language: String, SourceLocation)
    case unknownLayout(String, SourceLocation)
    case missingAsset(String, SourceLocation, known: [String])

    public var location: SourceLocation? {
        switch self {
        case .missingTheme(let path), .missingManifest(let path), .unreadable(let path): SourceLocation(file: path)
        case .manifest(let problem): problem.location
        case .duplicateName(_, _, let second): SourceLocation(file: second)
        case .syntax(let l, _), .missingPartial(_, let l), .missingString(_, _, let l), .unknownLayout(_, let l),
            .missingAsset(_, let l, _):
            l
        case .missingLayout(_, let directory): SourceLocation(file: directory)
        }
    }

    public var messageText: Message {
        switch self {
        case .missingTheme: ThemeMessages.missingTheme
        case .missingManifest: ThemeMessages.missingManifest
        case .manifest(let problem): problem.messageText
        case .unreadable: ThemeMessages.unreadable
        case .duplicateName(let name, let first, _): ThemeMessages.duplicateName(name, first: first)
        case .syntax(_, let detail): ThemeMessages.syntax(detail)
        case .missingLayout(let name, _): ThemeMessages.missingLayout(name)
        case .missingPartial(let name, _): ThemeMessages.missingPartial(name)
        case .missingString(let key, let language, _): ThemeMessages.missingString(key, language: language)
        case .unknownLayout(let name, _): ThemeMessages.unknownLayout(name)
        case .missingAsset(let key, _, _): ThemeMessages.missingAsset(key)
        }
    }

    public var helpText: Message? {
        switch self {
        case .missingTheme: ThemeMessages.missingThemeHelp
        case .missingManifest: ThemeMessages.missingManifestHelp
        case .manifest(let problem): problem.helpText
        case .unreadable: YAMLMessages.notUTF8Help
        case .duplicateName: ThemeMessages.duplicateNameHelp
        case .syntax: ThemeMessages.syntaxHelp
        case .missingLayout(let name, _): ThemeMessages.missingLayoutHelp(name)
        case .missingPartial(let name, _): ThemeMessages.missingPartialHelp(name)
        case .missingString(let key, let language, _): ThemeMessages.missingStringHelp(key, language: language)
        case .unknownLayout: ThemeMessages.unknownLayoutHelp
        case .missingAsset(_, _, let known): ThemeMessages.missingAssetHelp(known: known)
        }
    }
}
