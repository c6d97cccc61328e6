import Foundation

/// Why `portal import` wrote nothing; the texts are `ImportMessages`.
public enum ImportError: CataloguedError {
    /// The file's name ends in neither `.docx` nor `.odt`.
    case notADocument(String)
    case cannotRead(String, ReadProblem)
    /// pandoc could not be started, or failed on the document.
    case pandocFailed(String, PandocProblem)
    /// Neither a document title nor a heading, and no `--title`.
    case noTitle(String)
    /// The document has no text or image to make a post of.
    case empty(String)
    /// `Content/media/<slug>/` exists already: another post's images, perhaps.
    case mediaFolderExists(String)
    /// `reason` is the system's, in English.
    case cannotWriteMedia(String, String)
    /// What `portal new` refuses (unknown language or agency, an existing post, a section
    /// outside the language folder) is refused here in the same words.
    case edit(EditError)

    /// Why the document cannot be read; a library's words (`detail`) are in English.
    public enum ReadProblem: Sendable {
        case missing
        case notAZip(String)
        case notWord
        case notOpenDocument
        case noTemporaryFolder(String)
    }

    /// Why pandoc gave no result: its own words, its exit status, or what stopped it.
    public enum PandocProblem: Sendable {
        case said(String)
        case exitStatus(Int32)
        case notInstalled
        case notStarted(String)
        case unreadableJSON(String)
        case cannotWrite(String)
    }

    public var location: SourceLocation? {
        switch self {
        case .notADocument(let path), .cannotRead(let path, _), .pandocFailed(let path, _), .noTitle(let path),
            .empty(let path), .mediaFolderExists(let path), .cannotWriteMedia(let path, _):
            SourceLocation(file: path)
        case .edit(let error): error.location
        }
    }

    public var messageText: Message {
        switch self {
        case .notADocument: ImportMessages.notADocument
        case .cannotRead(_, let problem): ImportMessages.cannotRead(problem)
        case .pandocFailed(_, let problem): ImportMessages.pandocFailed(problem)
        case .noTitle: ImportMessages.noTitle
        case .empty: ImportMessages.empty
        case .mediaFolderExists: ImportMessages.mediaFolderExists
        case .cannotWriteMedia(_, let reason): ImportMessages.cannotWriteMedia(reason)
        case .edit(let error): error.messageText
        }
    }

    public var helpText: Message? {
        switch self {
        case .notADocument: ImportMessages.notADocumentHelp
        case .cannotRead: ImportMessages.cannotReadHelp
        case .pandocFailed: ImportMessages.pandocFailedHelp
        case .noTitle: ImportMessages.noTitleHelp
        case .empty: ImportMessages.emptyHelp
        case .mediaFolderExists: ImportMessages.mediaFolderExistsHelp
        case .cannotWriteMedia: ImportMessages.cannotWriteMediaHelp
        case .edit(let error): error.helpText
        }
    }
}

/// What `portal import` did not carry over as it was, said once per finding so an editor can
/// check each against the document. Where a finding has a place in the new post (an image
/// without a description) it names the post's line and column; otherwise the document.
public enum ImportWarning: CataloguedError, Equatable {
    /// An image without a description in the document: the post's image has empty alt text.
    case imageWithoutDescription(name: String, SourceLocation)
    /// An image in a format browsers do not show (EMF, WMF, TIFF, BMP…): not imported.
    case imageLeftOut(name: String, format: String, document: String)
    /// A text box's text, which pandoc does not read: not imported.
    case textBox(text: String, document: String)
    /// A comment: never imported (it is a note between writers, not part of the text).
    case comment(author: String, text: String, document: String)
    /// A tracked change, accepted: inserted text kept, deleted text left out.
    case insertionAccepted(author: String, text: String, document: String)
    case deletionAccepted(author: String, text: String, document: String)
    /// A link to an address the site does not publish (`file:`, `javascript:`…), or to a place
    /// inside the document: its text is kept without the link.
    case linkRemoved(url: String, text: String, document: String)
    /// A table whose merged cells were split, or whose cells held several paragraphs or lists.
    case tableSimplified(document: String)
    /// Word's table of contents (links to its `_Toc` bookmarks): not imported.
    case tableOfContentsLeftOut(document: String)

    public var location: SourceLocation? {
        switch self {
        case .imageWithoutDescription(_, let location): location
        case .imageLeftOut(_, _, let document), .textBox(_, let document), .comment(_, _, let document),
            .insertionAccepted(_, _, let document), .deletionAccepted(_, _, let document),
            .linkRemoved(_, _, let document), .tableSimplified(let document), .tableOfContentsLeftOut(let document):
            SourceLocation(file: document)
        }
    }

    public var messageText: Message {
        switch self {
        case .imageWithoutDescription(let name, _): ImportMessages.imageWithoutDescription(name)
        case .imageLeftOut(let name, let format, _): ImportMessages.imageLeftOut(name, format: format)
        case .textBox(let text, _): ImportMessages.textBox(text)
        case .comment(let author, let text, _): ImportMessages.comment(author: author, text: text)
        case .insertionAccepted(let author, let text, _): ImportMessages.insertionAccepted(author: author, text: text)
        case .deletionAccepted(let author, let text, _): ImportMessages.deletionAccepted(author: author, text: text)
        case .linkRemoved(let url, let text, _): ImportMessages.linkRemoved(url: url, text: text)
        case .tableSimplified: ImportMessages.tableSimplified
        case .tableOfContentsLeftOut: ImportMessages.tableOfContentsLeftOut
        }
    }

    public var helpText: Message? {
        switch self {
        case .imageWithoutDescription: ImportMessages.imageWithoutDescriptionHelp
        case .imageLeftOut: ImportMessages.imageLeftOutHelp
        case .textBox: ImportMessages.textBoxHelp
        case .comment: ImportMessages.commentHelp
        case .insertionAccepted, .deletionAccepted: ImportMessages.changeAcceptedHelp
        case .linkRemoved: ImportMessages.linkRemovedHelp
        case .tableSimplified: ImportMessages.tableSimplifiedHelp
        case .tableOfContentsLeftOut: ImportMessages.tableOfContentsLeftOutHelp
        }
    }
}
