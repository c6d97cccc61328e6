import Testing

@testable import PortalKit

/// The engine against the Mustache spec's rules, in our own words and cases. Where the engine
/// follows swift-mustache instead of the spec (portal's pages must stay byte-identical) the case
/// says "quirk" and why.
@Suite struct TemplateSpecTests {
    // MARK: Interpolation: a tag is replaced by its value; `{{x}}` escapes HTML, `{{{x}}}`
    // and `{{&x}}` do not; a name with no value renders nothing.

    static let interpolation: [TemplateSpecCase] = [
        // Text with no tag comes out as it went in.
        .init("text without tags", "Xin chào, Đà Nẵng!\n", "Xin chào, Đà Nẵng!\n"),
        // A tag is replaced by the value of its name.
        .init("a name's value", "Hi {{name}}!", object(["name": .text("Lan")]), "Hi Lan!"),
        // The double-brace tag escapes the five HTML-significant characters.
        .init(
            "escaped by default", "{{v}}", object(["v": .text("a & b < c > d \" e ' f")]),
            "a &amp; b &lt; c &gt; d &quot; e &#39; f"),
        // The triple mustache inserts the value as it is.
        .init("triple is raw", "{{{v}}}", object(["v": .text("<b>&'\"</b>")]), "<b>&'\"</b>"),
        // `&` is the other way to ask for the raw value.
        .init("ampersand is raw", "{{&v}}", object(["v": .text("<i>")]), "<i>"),
        // Integers print in decimal.
        .init("numbers", "{{a}}/{{b}}", object(["a": .number(12), "b": .number(-3)]), "12/-3"),
        // quirk: swift-mustache prints a Boolean as Swift does.
        .init(
            "booleans print", "{{t}} {{f}}", object(["t": .bool(true), "f": .bool(false)]), "true false", quirk: true),
        // A name that is not in the context renders as nothing.
        .init("missing name", "[{{nope}}]", "[]"),
        // Null renders as nothing too.
        .init("null", "[{{n}}]", object(["n": .null]), "[]"),
        // Spaces inside the braces do not matter.
        .init(
            "padding in tags", "{{ v }}|{{{ v }}}|{{& v }}", object(["v": .text("&")]), "&amp;|&|&"),
        // A value is data, never parsed as a template.
        .init("values are not templates", "{{v}}", object(["v": .text("{{w}}")]), "{{w}}"),
        // Interpolation never counts as standalone: the line's whitespace stays.
        .init("interpolation keeps its line", "  {{v}}\n", object(["v": .text("x")]), "  x\n"),
        // Multi-byte text passes through escaping untouched.
        .init("utf-8 values", "{{v}}", object(["v": .text("Hội An <3")]), "Hội An &lt;3"),
        // Our choice: a list or object has no printed form (swift-mustache printed Swift's debug text).
        .init(
            "lists and objects print nothing", "[{{l}}{{o}}]",
            object(["l": texts("a"), "o": object(["k": .text("v")])]), "[]"),
    ]

    @Test(arguments: interpolation) func interpolationRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Dotted names: the first part is looked up through the context stack, each further
    // part only inside what the previous one found. `{{.}}` is the current item.

    static let names: [TemplateSpecCase] = [
        .init("dotted path", "{{a.b.c}}", object(["a": object(["b": object(["c": .text("deep")])])]), "deep"),
        // A missing first part gives nothing.
        .init("missing first part", "[{{a.b}}]", "[]"),
        // Once the first part is found, the rest must be inside it: no search further out.
        .init(
            "no fallback after the first part", "[{{a.b}}]", object(["a": object([:]), "b": .text("outer")]), "[]"),
        // The first part may come from an outer context.
        .init(
            "first part from outside", "{{#o}}{{site.title}}{{/o}}",
            object(["o": object(["x": .number(1)]), "site": object(["title": .text("Cổng")])]), "Cổng"),
        // Section names may be dotted too.
        .init("dotted section", "{{#a.b}}yes{{/a.b}}", object(["a": object(["b": .bool(true)])]), "yes"),
        // quirk: a leading dot looks only in the innermost value (a swift-mustache extension).
        .init(
            "leading dot stays inside", "{{#o}}[{{.t}}|{{t}}]{{/o}}",
            object(["o": object(["x": .number(1)]), "t": .text("root")]), "[|root]", quirk: true),
        // The implicit iterator prints each item of a list of strings.
        .init("implicit iterator", "{{#l}}{{.}},{{/l}}", object(["l": texts("a", "b")]), "a,b,"),
        .init(
            "implicit iterator, numbers", "{{#l}}{{.}} {{/l}}", object(["l": .list([.number(1), .number(2)])]), "1 2 "),
        // `{{.}}` escapes like any name; `{{{.}}}` does not.
        .init("implicit iterator escapes", "{{#l}}{{.}}{{{.}}}{{/l}}", object(["l": texts("<")]), "&lt;<"),
    ]

    @Test(arguments: names) func namesRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Sections: `{{#x}}…{{/x}}` renders never, once, or once per item, depending on x.

    static let sections: [TemplateSpecCase] = [
        .init("true renders once", "<{{#t}}yes{{/t}}>", object(["t": .bool(true)]), "<yes>"),
        .init("false renders nothing", "<{{#f}}yes{{/f}}>", object(["f": .bool(false)]), "<>"),
        .init("missing renders nothing", "<{{#m}}yes{{/m}}>", "<>"),
        .init("null renders nothing", "<{{#n}}yes{{/n}}>", object(["n": .null]), "<>"),
        // An object becomes the innermost context for the section's body.
        .init("object pushed", "{{#o}}{{x}}{{/o}}", object(["o": object(["x": .text("in")])]), "in"),
        // Names the object lacks are looked up further out.
        .init(
            "outer names inside", "{{#o}}{{x}}-{{y}}{{/o}}",
            object(["o": object(["x": .text("in")]), "y": .text("out")]), "in-out"),
        // The inner value wins over an outer one of the same name.
        .init(
            "inner shadows outer", "{{#o}}{{x}}{{/o}}{{x}}",
            object(["o": object(["x": .text("in")]), "x": .text("out")]), "inout"),
        // A list renders the body once per item, each item innermost in turn.
        .init(
            "list iterates", "{{#l}}({{n}}){{/l}}",
            object(["l": .list([object(["n": .number(1)]), object(["n": .number(2)])])]), "(1)(2)"),
        .init("empty list renders nothing", "<{{#l}}x{{/l}}>", object(["l": .list([])]), "<>"),
        // Nested lists: the inner body sees the outer item's names.
        .init(
            "nested lists", "{{#rows}}{{#cells}}{{r}}{{.}} {{/cells}}{{/rows}}",
            object([
                "rows": .list([
                    object(["r": .text("a"), "cells": texts("1", "2")]),
                    object(["r": .text("b"), "cells": texts("3")]),
                ])
            ]), "a1 a2 b3 "),
        // The text around a section is kept.
        .init("text around", "a{{#t}}b{{/t}}c", object(["t": .bool(true)]), "abc"),
        // quirk: an empty string is true for swift-mustache (portal: "a string is never null").
        .init("empty string is true", "{{#s}}[{{.}}]{{/s}}", object(["s": .text("")]), "[]", quirk: true),
        // quirk: so is the number 0, and it is pushed.
        .init("zero is true", "{{#n}}<{{.}}>{{/n}}", object(["n": .number(0)]), "<0>", quirk: true),
        // quirk: an empty object is true.
        .init("empty object is true", "{{#o}}yes{{/o}}", object(["o": object([:])]), "yes", quirk: true),
        // quirk: `true` pushes nothing: `{{.}}` is still the list item.
        .init(
            "true keeps the item", "{{#l}}{{#t}}{{.}}{{/t}}{{/l}}", object(["l": texts("a", "b"), "t": .bool(true)]),
            "ab", quirk: true),
        // A section may repeat its own name inside.
        .init(
            "same name nested", "{{#a}}{{#a}}x{{/a}}{{/a}}", object(["a": object(["a": .bool(true)])]), "x"),
    ]

    @Test(arguments: sections) func sectionsRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Inverted sections: `{{^x}}…{{/x}}` renders once exactly when `{{#x}}` would not.

    static let inverted: [TemplateSpecCase] = [
        .init("false", "<{{^f}}no{{/f}}>", object(["f": .bool(false)]), "<no>"),
        .init("true", "<{{^t}}no{{/t}}>", object(["t": .bool(true)]), "<>"),
        .init("missing", "<{{^m}}no{{/m}}>", "<no>"),
        .init("null", "<{{^n}}no{{/n}}>", object(["n": .null]), "<no>"),
        .init("empty list", "<{{^l}}none{{/l}}>", object(["l": .list([])]), "<none>"),
        .init("non-empty list", "<{{^l}}none{{/l}}>", object(["l": texts("a")]), "<>"),
        // quirk: an empty string and 0 are true, so their inverted sections render nothing.
        .init("empty string", "<{{^s}}no{{/s}}>", object(["s": .text("")]), "<>", quirk: true),
        .init("zero", "<{{^n}}no{{/n}}>", object(["n": .number(0)]), "<>", quirk: true),
        // The body still sees the names around it.
        .init("names inside", "{{^f}}{{v}}{{/f}}", object(["f": .bool(false), "v": .text("x")]), "x"),
    ]

    @Test(arguments: inverted) func invertedRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Comments are dropped; a comment alone on its line takes the line with it.

    static let comments: [TemplateSpecCase] = [
        .init("inline", "a{{! note }}b", "ab"),
        .init("across lines", "a{{!\nline\n}}b", "ab"),
        .init("standalone line", "a\n  {{! c }}\nb", "a\nb"),
        .init("braces inside", "a{{! {not} a tag }}b", "ab"),
        .init("not standalone with text", "a {{! c }} b\n", "a  b\n"),
    ]

    @Test(arguments: comments) func commentsRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Set delimiters: `{{=<% %>=}}` changes the tag markers; the old ones become text.

    static let delimiters: [TemplateSpecCase] = [
        .init("new delimiters", "{{=<% %>=}}<%v%>", object(["v": .text("x")]), "x"),
        .init("standalone line goes", "a\n{{=<% %>=}}\n<%v%>\n", object(["v": .text("x")]), "a\nx\n"),
        .init("old delimiters are text", "{{=[ ]=}}{{v}}[v]", object(["v": .text("x")]), "{{v}}x"),
        .init("and back", "{{=| |=}}|v||={{ }}=|{{v}}", object(["v": .text("x")]), "xx"),
        .init(
            "sections with new delimiters", "{{=<% %>=}}<%#t%>in<%/t%>", object(["t": .bool(true)]), "in"),
        // quirk: a change made inside a section ends with it (the spec keeps it to the end).
        .init(
            "change ends with its section", "{{#t}}{{=<% %>=}}<%v%><%/t%>{{v}}",
            object(["t": .bool(true), "v": .text("x")]), "xx", quirk: true),
    ]

    @Test(arguments: delimiters) func delimitersRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Standalone lines: a line holding only a non-printing tag and whitespace is removed
    // whole, line break included.

    static let standalone: [TemplateSpecCase] = [
        .init("section lines", "a\n{{#t}}\nb\n{{/t}}\nc\n", object(["t": .bool(true)]), "a\nb\nc\n"),
        .init("indented tags", "  {{#t}}\n  b\n  {{/t}}\n", object(["t": .bool(true)]), "  b\n"),
        .init("inverted lines", "{{^f}}\nb\n{{/f}}\n", object(["f": .bool(false)]), "b\n"),
        .init("CRLF", "{{#t}}\r\nb\r\n{{/t}}\r\n", object(["t": .bool(true)]), "b\r\n"),
        .init("last line without break", "a\n{{#t}}\nb\n{{/t}}", object(["t": .bool(true)]), "a\nb\n"),
        .init("text on the line keeps it", " {{#t}}x{{/t}} \n", object(["t": .bool(true)]), " x \n"),
        .init("false section's lines all go", "a\n{{#f}}\nb\n{{/f}}\nc", object(["f": .bool(false)]), "a\nc"),
        // quirk: after a standalone open tag the parser treats the rest of the close tag's
        // line as a new line, so a section opened there counts as standalone too.
        .init(
            "close then open on one line", "{{#a}}\nx{{/a}} {{#b}}\ny\n{{/b}}\n",
            object(["a": .bool(true), "b": .bool(true)]), "xy\n", quirk: true),
        // quirk: the last line's trailing spaces, without a line break, are dropped.
        .init("trailing spaces at the end", "a\n  ", "a\n", quirk: true),
    ]

    @Test(arguments: standalone) func standaloneRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }
}
