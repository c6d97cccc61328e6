import Testing

@testable import PortalKit

/// Templates that cannot be parsed: each error names the line and column (in characters) of
/// the tag at fault and says what to do.
@Suite struct TemplateErrorTests {
    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var template: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { name }
    }

    static let cases: [Bad] = [
        Bad(
            name: "unclosed section", template: "a\n  {{#items}}\nx\n", line: 2, column: 3,
            says: "unclosed section `items` opened at line 2, column 3: add {{/items}}"),
        Bad(
            name: "unclosed inner section", template: "{{#a}}\n{{#b}}\n{{/a}}", line: 3, column: 1,
            says: "`{{/a}}` does not close the open section `b` (line 2, column 1): close that first with {{/b}}"),
        Bad(
            name: "mismatched close", template: "{{#a}}\nx {{/b}}", line: 2, column: 3,
            says: "`{{/b}}` does not close the open section `a` (line 1, column 1)"),
        Bad(name: "close without open", template: "x{{/a}}", line: 1, column: 2, says: "closes no open section"),
        Bad(name: "unclosed tag", template: "ab\ncd {{name", line: 2, column: 4, says: "not closed by `}}`"),
        Bad(name: "tag at the very end", template: "ab {{", line: 1, column: 4, says: "the tag is not closed"),
        Bad(name: "space inside a name", template: "{{a b}}", line: 1, column: 1, says: "a name holds only"),
        Bad(name: "unclosed triple", template: "{{{a}}", line: 1, column: 1, says: "is not closed: add `}}}`"),
        Bad(name: "unclosed comment", template: "a\n{{! note", line: 2, column: 1, says: "the comment is not closed"),
        Bad(name: "bad delimiter change", template: "x\n{{=<%%>=}}", line: 2, column: 1, says: "a delimiter change"),
        Bad(
            name: "delimiter change without end", template: "{{= <% =}}", line: 1, column: 1, says: "a delimiter change"
        ),
        Bad(
            name: "unknown transform", template: "\n {{#shout(x)}}{{/shout(x)}}", line: 2, column: 2,
            says: "unknown transform `shout`"),
        Bad(
            name: "unknown transform in a variable", template: "{{count(l)}} {{sorted(l)}}", line: 1, column: 14,
            says: "unknown transform `sorted`"),
        Bad(name: "unpaired brackets", template: "{{first(l}}", line: 1, column: 1, says: "do not pair"),
        Bad(
            name: "tag inside a parent", template: "{{<p}}\n{{x}}\n{{/p}}", line: 2, column: 1,
            says: "only `{{$block}}…{{/block}}` overrides"),
        Bad(
            name: "transform on a block", template: "{{$first(b)}}{{/first(b)}}", line: 1, column: 1,
            says: "no transform"),
        Bad(name: "empty tag", template: "a {{ }}", line: 1, column: 3, says: "the tag has no name"),
        Bad(name: "dynamic partial", template: "{{>*name}}", line: 1, column: 1, says: "dynamic partials"),
        Bad(
            name: "unknown pragma", template: "{{% CONTENT_TYPE: XML }}", line: 1, column: 1,
            says: "unknown content type"),
        // Columns count characters, not bytes: "Đà " is three.
        Bad(name: "columns in characters", template: "Đà {{#a}}", line: 1, column: 4, says: "unclosed section `a`"),
        // A closing transform must match the opening one.
        Bad(
            name: "transform close mismatch", template: "{{#first(p)}}{{/p}}", line: 1, column: 14,
            says: "does not close the open section `first(p)`"),
    ]

    @Test(arguments: cases) func errorsSayWhereAndWhat(_ bad: Bad) {
        do {
            _ = try Template(bad.template)
            Issue.record("`\(bad.template)` parsed")
        } catch {
            #expect(error.line == bad.line, "\(error)")
            #expect(error.column == bad.column, "\(error)")
            #expect(error.message.contains(bad.says), "\(error)")
        }
    }
}
