import Foundation

/// The theme's UI strings (`i18n/<lang>.yml`), with the site's `Content/i18n/<lang>.yml`
/// laid over them. A key present in one language and missing in another is reported: a
/// template would otherwise render it as nothing.
enum I18nTables {
    static func load(
        themeDirectory: String, contentDirectory: String, languages: [String], strict: Bool,
        errors: inout [any PortalError],
        warnings: WarningLog
    ) -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        var origin: [String: String] = [:]
        for language in languages {
            var table: [String: String] = [:]
            for root in [themeDirectory, contentDirectory] {
                let path = "\(root)/i18n/\(language).yml"
                origin[language] = origin[language] ?? path
                let data: Data?
                do throws(InputPathError) { data = try InputTree(root: root).read(path) } catch {
                    errors.append(error)
                    continue
                }
                guard let data else { continue }
                do throws(ShapeProblem) {
                    guard let text = try? TextInput.decode(data) else {
                        throw ShapeProblem(
                            location: SourceLocation(file: path), message: YAMLMessages.notUTF8,
                            help: YAMLMessages.notUTF8Help)
                    }
                    for entry in try YAMLNode.parse(text, file: path).entries(.i18nTable) {
                        table[entry.key] = try entry.value.string(entry.key)
                    }
                } catch {
                    errors.append(ThemeError.manifest(error))
                }
            }
            tables[language] = table
        }
        let allKeys = Set(tables.values.flatMap(\.keys))
        for language in languages {
            for key in allKeys.subtracting(tables[language]?.keys ?? [:].keys).sorted() {
                let location = SourceLocation(file: origin[language] ?? "i18n/\(language).yml")
                if strict {
                    errors.append(ThemeError.missingString(key, language: language, location))
                } else {
                    warnings.warn(
                        location, ThemeMessages.missingString(key, language: language),
                        help: ThemeMessages.addMissingString(key, language: language))
                }
            }
        }
        return tables
    }
}
