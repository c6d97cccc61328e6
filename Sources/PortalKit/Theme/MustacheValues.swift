import Mustache

/// A page's context as swift-mustache reads it fastest, wrapped as the template asks for it.
///
/// For every tag swift-mustache casts what it finds to several protocols (`MustacheParent`,
/// `MustacheCustomRenderable`, `MustacheLambda`, an internal `AnyOptional`, then
/// `String(describing:)`), and each failed cast is a look-up in the runtime's conformance
/// cache, whose reader count every thread updates: casts were 16 % of a build's CPU. A
/// `String` fails three of those casts before it prints; a `MustacheText` is caught by the
/// second. A `[String: Any]` is read through the library's generic `Dictionary` conformance,
/// unspecialised; `MustacheObject` reads it with the specialised subscript. Together they took
/// a clean build of 5,000 posts a language from 9.2 to 8.4 CPU-seconds.
///
/// Values are wrapped when a tag reads them, not ahead: a page reads a small part of its
/// context. What renders is unchanged, byte for byte: the wrappers print, test, iterate and
/// transform exactly as the values they hold (`MustacheValuesTests`).
enum MustacheValues {
    /// `value`, wrapped if it is one of the types a page context is made of.
    static func wrap(_ value: Any) -> Any {
        // Exact types only: a cast such as `as? [Any]` would convert other arrays element by
        // element, and the point is to cast less.
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == ObjectIdentifier(String.self) { return MustacheText(text: value as! String) }
        if type == ObjectIdentifier([String: Any].self) { return MustacheObject(fields: value as! [String: Any]) }
        if type == ObjectIdentifier([[String: Any]].self) { return MustacheList(base: value as! [[String: Any]]) }
        if type == ObjectIdentifier([Any].self) { return MustacheList(base: value as! [Any]) }
        if type == ObjectIdentifier([String].self) { return MustacheList(base: value as! [String]) }
        return value
    }
}

extension MustacheLibrary {
    /// Renders `layout` over a page context (see `MustacheValues`).
    func render(page context: [String: Any], layout: String) -> String {
        render(MustacheObject(fields: context), withTemplate: layout) ?? ""
    }
}

/// A string of the context: prints as itself, has no fields (a section over it looks its
/// names up further out, as over a `String`), takes `String`'s transforms.
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible {
    let text: String
    var renderText: String { text }
    /// A string is never a null: `{{#s}}` renders even when `s` is empty, as for a `String`.
    var isNull: Bool { false }
    var description: String { text }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// An object of the context, its fields wrapped as they are read.
struct MustacheObject: MustacheParent, MustacheTransformable, CustomStringConvertible {
    let fields: [String: Any]
    var description: String { fields.description }
    func child(named: String) -> Any? { fields[named].map(MustacheValues.wrap) }
    func transform(_ name: String) -> Any? { fields.transform(name) }
}

/// A list of the context, its elements wrapped as a section walks them.
struct MustacheList<Element>: MustacheSequence, MustacheTransformable, CustomStringConvertible {
    let base: [Element]
    var description: String { base.description }
    func makeIterator() -> AnyIterator<Any> {
        var elements = base.makeIterator()
        return AnyIterator { elements.next().map { MustacheValues.wrap($0) } }
    }
    func transform(_ name: String) -> Any? { base.transform(name) }
}
