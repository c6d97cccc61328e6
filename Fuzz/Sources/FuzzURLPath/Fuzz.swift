import Foundation
import FuzzSupport

@testable import PortalKit

/// `URLPath`: aliases (as front matter gives them: any text) and media paths. Whatever it
/// accepts is a relative output path without empty, `.` or `..` segments and without `"<>`,
/// quotes or control characters (see `Fuzz.checkOutputPath`); whatever it refuses, it
/// refuses with a `Problem`. The language prefix depends on the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = Fuzz.string(data, size)
    let prefix = ["", "en/"][size % 2]
    for alias in [text, TextInput.nfc(text)] {
        do {
            let path = try URLPath.aliasOutputPath(alias, languagePrefix: prefix)
            Fuzz.checkOutputPath(path, from: alias)
            Fuzz.check(
                path.hasSuffix("/index.html") || path == "index.html" || path.hasSuffix(".html")
                    || path.hasSuffix(".htm"), "alias \(alias.debugDescription) → \(path.debugDescription) is not HTML")
            // A path without a leading `/` stays inside its language.
            let absolute = alias.trimmingCharacters(in: .whitespaces).hasPrefix("/")
            Fuzz.check(
                absolute || path.utf8.starts(with: prefix.utf8),
                "alias \(alias.debugDescription) → \(path.debugDescription) left \(prefix)")
        } catch {
            Fuzz.check(!error.message.isEmpty && !error.help.isEmpty, "a problem without words: \(error)")
        }
    }
    // Media paths reach it as NFC names from the content walk.
    let name = TextInput.nfc(text)
    do {
        try URLPath.checkRelative(name)
        Fuzz.checkOutputPath(name, from: name)
    } catch {
        Fuzz.check(!error.message.isEmpty, "a problem without words: \(error)")
    }
    return 0
}

@main enum Main {
    static func main() { Fuzz.main() }
}
