import Testing

@testable import PortalKit

/// Partials, parents and blocks, and swift-mustache's transforms.
@Suite struct TemplatePartialTests {
    // MARK: Partials: `{{>name}}` renders another template in the current context; standalone,
    // it indents each of its lines by the tag's indentation.

    static let partials: [TemplateSpecCase] = [
        .init("renders in the current context", "[{{>p}}]", object(["v": .text("x")]), partials: ["p": "{{v}}"], "[x]"),
        .init("missing partial renders nothing", "[{{>nope}}]", "[]"),
        .init(
            "sees the list item", "{{#l}}{{>p}}{{/l}}", object(["l": texts("a", "b")]), partials: ["p": "<{{.}}>"],
            "<a><b>"),
        .init("standalone indents every line", "  {{>p}}\nz\n", partials: ["p": "a\nb\n"], "  a\n  b\nz\n"),
        .init("inline is not indented", "x {{>p}}", partials: ["p": "a\nb"], "x a\nb"),
        .init("standalone line goes", "a\n{{>p}}\nc\n", partials: ["p": "b\n"], "a\nb\nc\n"),
        // A partial may render itself for a nested structure.
        .init(
            "recursion", "{{>node}}",
            object(["n": .text("1"), "kids": .list([object(["n": .text("2"), "kids": .list([])])])]),
            partials: ["node": "{{n}}({{#kids}}{{>node}}{{/kids}})"], "1(2())"),
        // Indentation adds up through nested standalone partials.
        .init(
            "nested indentation", "  {{>a}}\n", partials: ["a": "x\n  {{>b}}\n", "b": "1\n2\n"],
            "  x\n    1\n    2\n"),
        // quirk: a list section's items render apart, so only the first item's line is indented.
        .init(
            "indentation and a list inside", "  {{>p}}\n", object(["l": texts("a", "b")]),
            partials: ["p": "{{#l}}\n- {{.}}\n{{/l}}\n"], "  - a\n- b\n", quirk: true),
        // Padding inside the tag does not matter.
        .init("padding", "{{> p }}", partials: ["p": "ok"], "ok"),
        // quirk: a partial does not see the list position of the section it is in.
        .init(
            "position not seen in partials", "{{#l}}{{>p}}{{/l}}", object(["l": texts("a", "b")]),
            partials: ["p": "{{.}}{{^last()}},{{/last()}}"], "a,b,", quirk: true),
    ]

    @Test(arguments: partials) func partialsRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Inheritance: `{{<parent}}…{{/parent}}` renders the parent with the `{{$block}}`s
    // given inside replacing the parent's blocks of the same name; a block not given renders
    // its default.

    static let inheritance: [TemplateSpecCase] = [
        .init("default", "{{<parent}}{{/parent}}", partials: ["parent": "<{{$b}}default{{/b}}>"], "<default>"),
        .init(
            "override", "{{<parent}}{{$b}}mine{{/b}}{{/parent}}", partials: ["parent": "<{{$b}}default{{/b}}>"],
            "<mine>"),
        .init("block alone", "<{{$b}}default{{/b}}>", "<default>"),
        // Two tags on a line are not standalone: the line break after `{{/b}}` stays.
        .init(
            "standalone lines", "{{<parent}}\n{{$b}}\nmine\n{{/b}}\n{{/parent}}\n",
            partials: ["parent": "<html>\n{{$b}}{{/b}}\n</html>\n"], "<html>\nmine\n\n</html>\n"),
        .init(
            "blocks read the context", "{{<parent}}{{$b}}{{v}}{{/b}}{{/parent}}", object(["v": .text("x")]),
            partials: ["parent": "[{{$b}}{{/b}}]"], "[x]"),
        // Text directly inside the parent tag is dropped.
        .init(
            "text inside the parent", "{{<parent}}ignored{{$b}}mine{{/b}}{{/parent}}",
            partials: ["parent": "{{$b}}{{/b}}"], "mine"),
        // With parents of parents, the outermost override wins.
        .init(
            "outermost wins", "{{<middle}}{{$b}}child{{/b}}{{/middle}}",
            partials: ["middle": "{{<base}}{{$b}}middle{{/b}}{{/base}}", "base": "[{{$b}}base{{/b}}]"], "[child]"),
        // quirk: overrides reach into partials the parent includes.
        .init(
            "overrides reach partials", "{{<parent}}{{$b}}mine{{/b}}{{/parent}}",
            partials: ["parent": "{{>inner}}", "inner": "[{{$b}}default{{/b}}]"], "[mine]", quirk: true),
        // quirk: lines of an override lose the indentation its first line had.
        .init(
            "override indentation", "{{<parent}}\n{{$b}}\n  a\n    b\n{{/b}}\n{{/parent}}\n",
            partials: ["parent": "{{$b}}{{/b}}"], "a\n  b\n", quirk: true),
    ]

    @Test(arguments: inheritance) func inheritanceRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Transforms (swift-mustache's, not the spec's): `name(value)`, and `name()` for
    // the position inside a section over a list.

    static let list = object(["l": texts("a", "b", "c"), "e": .list([]), "t": .bool(true)])

    static let transforms: [TemplateSpecCase] = [
        .init(
            "first of a list", "{{#first(p)}}{{n}}{{/first(p)}}",
            object(["p": .list([object(["n": .number(1)]), object(["n": .number(2)])])]), "1"),
        .init("first of an empty list", "<{{#first(e)}}x{{/first(e)}}>", list, "<>"),
        .init("last() between items", "{{#l}}{{.}}{{^last()}}, {{/last()}}{{/l}}", list, "a, b, c"),
        .init("first()", "{{#l}}{{#first()}}^{{/first()}}{{.}}{{/l}}", list, "^abc"),
        .init("index()", "{{#l}}{{index()}}{{/l}}", list, "012"),
        .init("even() and odd()", "{{#l}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/l}}", list, "eoe"),
        .init("plusone(index())", "{{#l}}{{plusone(index())}}{{/l}}", list, "123"),
        .init("count of a list", "{{count(l)}}/{{count(e)}}", list, "3/0"),
        .init("empty of a list", "{{#empty(e)}}none{{/empty(e)}}{{^empty(l)}}some{{/empty(l)}}", list, "nonesome"),
        .init("last and reversed", "{{last(l)}}|{{#reversed(l)}}{{.}}{{/reversed(l)}}", list, "c|cba"),
        .init(
            "text transforms", "{{uppercased(s)}} {{lowercased(s)}}", object(["s": .text("Đà Nẵng")]),
            "ĐÀ NẴNG đà nẵng"),
        .init(
            "number transforms", "{{minusone(n)}} {{#equalzero(z)}}zero{{/equalzero(z)}}",
            object(["n": .number(5), "z": .number(0)]), "4 zero"),
        // A transform the value does not take gives nothing.
        .init("wrong type", "[{{uppercased(n)}}]", object(["n": .number(1)]), "[]"),
        // quirk: outside a list there is no position: `last()` is nothing, so `^` renders.
        .init("no position outside lists", "{{^last()}}x{{/last()}}", "x", quirk: true),
        // quirk: a section over an object inside the list forgets the position…
        .init(
            "object forgets the position", "{{#l}}{{#o}}{{^last()}}-{{/last()}}{{/o}}{{/l}}",
            object(["l": texts("a", "b"), "o": object(["k": .number(1)])]), "--", quirk: true),
        // …but a section over `true` keeps it.
        .init("true keeps the position", "{{#l}}{{#t}}{{^last()}}-{{/last()}}{{/t}}{{/l}}", list, "--", quirk: true),
    ]

    @Test(arguments: transforms) func transformsRule(_ c: TemplateSpecCase) throws {
        #expect(try c.render() == c.expected)
    }

    // MARK: Escaping modes.

    @Test func escapingModes() throws {
        let context = object(["v": .text("<a href='x'>&\"</a> '\u{301}")])
        #expect(
            try Template("{{v}}").render(context)
                == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt; &#39;\u{301}")
        // swift-mustache's own escaping walks characters: an apostrophe with a combining
        // accent is one character, not `'`, and stays.
        #expect(
            try Template("{{v}}", escaping: .htmlLegacy).render(context)
                == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt; '\u{301}")
        #expect(try Template("{{v}}", escaping: .none).render(context) == "<a href='x'>&\"</a> '\u{301}")
        // The pragma switches for the rest of the template.
        #expect(try Template("{{v}}\n{{% CONTENT_TYPE: TEXT }}\n{{v}}").render(object(["v": .text("&")])) == "&amp;\n&")
    }

    @Test func libraryRendersByName() throws {
        let library = TemplateLibrary(templates: ["page": try Template("<{{>part}}>"), "part": try Template("{{v}}")])
        #expect(library.render(object(["v": .number(7)]), template: "page") == "<7>")
        #expect(library.render(object([:]), template: "none") == nil)
        #expect(library.template(named: "part") != nil)
    }
}
