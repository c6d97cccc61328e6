import Foundation
import Mustache
import Testing

@testable import PortalKit

/// Random templates (sections, inverted sections, blocks, parents, partials, comments,
/// delimiter changes, transforms, whitespace and line breaks of every kind in between) render
/// the same with both engines; the engine rejects none that swift-mustache parses.
extension TemplateParityTests {
    /// A fixed sequence (SplitMix64), so a failure names a case that comes back.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Writes random templates. `leaf` ones name no partial and no block, so nothing recurses
    /// without end (a partial that includes itself, an override that expands its own block).
    struct Writer {
        var random: Seeded
        static let spaces = ["", " ", "  ", "\t", "\n", "\n", "\r\n", " \n", "\n  "]
        static let atoms = [
            "x", "<&'\">", "{{v}}", "{{{v}}}", "{{&v}}", "{{#l}}{{.}}{{/l}}", "{{! c }}", "{{missing}}", "{{>p}}",
            "{{>q}}", "{{index()}}", "{{o.k}}", "{{.o.k}}", "{{count(l)}}", "{{#z}}{{.}}{{/z}}", "{{#s}}[{{.}}]{{/s}}",
            "{{#first(l)}}{{.}}{{/first(l)}}", "{{uppercased(v)}}", "{{plusone(z)}}", "{{#empty(e)}}E{{/empty(e)}}",
            "{{#reversed(l)}}{{.}}{{^last()}},{{/last()}}{{/reversed(l)}}", "{{even()}}",
        ]
        static let sections = ["t", "f", "l", "e", "o", "s", "z", "n", "last()", "first(l)", "first()"]

        mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }

        /// `delimiters`: those in force where the text starts; on return, those at its end.
        mutating func template(
            depth: Int = 0, leaf: Bool, blocks: Bool, delimiters: inout (open: String, close: String)
        ) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                text += pick(Self.spaces)
                let (open, close) = delimiters
                let roll = Int.random(in: 0..<12, using: &random)
                if depth < 3, roll < 4 {
                    let kind = pick(blocks && !leaf ? ["#", "^", "$"] : ["#", "^"])
                    let name = kind == "$" ? pick(["b", "c"]) : pick(Self.sections)
                    // A delimiter change inside a section ends with it (swift-mustache), and the
                    // section closes in the delimiters its body ended with.
                    var inner = delimiters
                    let body = template(depth: depth + 1, leaf: leaf, blocks: blocks, delimiters: &inner)
                    text +=
                        "\(open)\(kind)\(name)\(close)" + body + pick(Self.spaces)
                        + "\(inner.open)/\(name)\(inner.close)"
                } else if roll == 11 {
                    delimiters = open == "{{" ? ("<%", "%>") : ("{{", "}}")
                    text += "\(open)=\(delimiters.open) \(delimiters.close)=\(close)"
                } else {
                    var atom = pick(Self.atoms)
                    if leaf, atom.hasPrefix("{{>") { atom = "y" }
                    text += atom.replacingOccurrences(of: "{{", with: open).replacingOccurrences(of: "}}", with: close)
                }
            }
            return text
        }

        mutating func template(leaf: Bool, blocks: Bool) -> String {
            var delimiters = (open: "{{", close: "}}")
            return template(leaf: leaf, blocks: blocks, delimiters: &delimiters)
        }
    }

    @Test func randomTemplatesRenderAsSwiftMustache() throws {
        let context = object([
            "l": texts("a", "b"), "e": .list([]), "t": .bool(true), "f": .bool(false), "v": .text("x<'"),
            "o": object(["k": .text("K")]), "s": .text(""), "z": .number(0), "n": .null,
        ])
        var writer = Writer(random: Seeded(state: 20))
        var compared = 0
        for index in 0..<3000 {
            var texts: [String: String] = [:]
            texts["p"] = writer.template(leaf: true, blocks: false)
            texts["q"] = writer.template(leaf: true, blocks: false)
            texts["par"] = writer.template(leaf: false, blocks: true)
            if Bool.random(using: &writer.random) {
                // A child: an override of `b` around random text that expands no block.
                var delimiters = (open: "{{", close: "}}")
                let body = writer.template(depth: 1, leaf: false, blocks: false, delimiters: &delimiters)
                texts["main"] =
                    writer.pick(["", "  ", "x"]) + "{{<par}}" + writer.pick(Writer.spaces) + "{{$b}}" + body
                    + writer.pick(Writer.spaces) + "\(delimiters.open)/b\(delimiters.close)"
                    + writer.pick(Writer.spaces)
                    + "{{/par}}" + writer.pick(Writer.spaces)
            } else {
                texts["main"] = writer.template(leaf: false, blocks: true)
            }
            guard let parsed = try? texts.mapValues({ try MustacheTemplate(string: $0) }) else { continue }
            let mustache = MustacheLibrary(templates: parsed).render(context.any, withTemplate: "main")
            let engine = try TemplateLibrary(templates: texts.mapValues { try Template($0) })
                .render(context, template: "main")
            #expect(engine == mustache, "case \(index): \(texts)")
            compared += 1
        }
        #expect(compared > 2500)
    }
}
