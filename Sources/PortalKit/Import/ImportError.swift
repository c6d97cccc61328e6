import Foundation

/// Why `portal import` wrote nothing.
public enum ImportError: PortalError {
    /// The file's name ends in neither `.docx` nor `.odt`.
    case notADocument(String)
    case cannotRead(String, String)
    /// pandoc could not be started, or failed on the document (its own words).
    case pandocFailed(String, String)
    /// Neither a document title nor a heading, and no `--title`.
    case noTitle(String)
    /// The document has no text or image to make a post of.
    case empty(String)
    /// `Content/media/<slug>/` exists already: another post's images, perhaps.
    case mediaFolderExists(String)
    case cannotWriteMedia(String, String)
    /// What `portal new` refuses (unknown language or agency, an existing post, a section
    /// outside the language folder) is refused here in the same words.
    case edit(EditError)

    public var location: SourceLocation? {
        switch self {
        case .notADocument(let path), .cannotRead(let path, _), .pandocFailed(let path, _), .noTitle(let path),
            .empty(let path), .mediaFolderExists(let path), .cannotWriteMedia(let path, _):
            SourceLocation(file: path)
        case .edit(let error): error.location
        }
    }

    public var message: String {
        switch self {
        case .notADocument: "this is not a Word (.docx) or OpenDocument (.odt) file"
        case .cannotRead(_, let reason): "cannot read the document: \(reason)"
        case .pandocFailed(_, let reason): "pandoc could not convert the document: \(reason)"
        case .noTitle: "the document has no title and no heading to take the post's title from"
        case .empty: "the document has no text or image to import"
        case .mediaFolderExists: "this folder of images already exists; nothing was written"
        case .cannotWriteMedia(_, let reason): "cannot write the images: \(reason); nothing was kept"
        case .edit(let error): error.message
        }
    }

    public var help: String? {
        switch self {
        case .notADocument:
            "save the document as .docx (Word 2007 and later) or .odt; an old .doc must be saved again as .docx first"
        case .cannotRead: "check that the file exists and can be read"
        case .pandocFailed:
            "open the document in Word or LibreOffice and save it again; check that pandoc is installed (scripts/setup-system installs it)"
        case .noTitle: "give the title with --title \"…\""
        case .empty: "check that this is the right document"
        case .mediaFolderExists:
            "a post with the same name has images there: give another title with --title, or remove the folder if it is left over"
        case .cannotWriteMedia: "check the permissions of Content/media/"
        case .edit(let error): error.help
        }
    }
}

/// What `portal import` did not carry over as it was, said once per finding so an editor can
/// check each against the document. Where a finding has a place in the new post (an image
/// without a description) it names the post's line and column; otherwise the document.
public enum ImportWarning: PortalError, Equatable {
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

    public var message: String {
        switch self {
        case .imageWithoutDescription(let name, _):
            "the image \(name) has no description in the document, so its alt text is empty"
        case .imageLeftOut(let name, let format, _):
            "the image \(name) is in \(format), which browsers do not show; it was not imported"
        case .textBox(let text, _): "a text box was not imported: “\(text)”"
        case .comment(let author, let text, _): "a comment by \(author) was not imported: “\(text)”"
        case .insertionAccepted(let author, let text, _):
            "a tracked change by \(author) was accepted: the inserted text “\(text)” is in the post"
        case .deletionAccepted(let author, let text, _):
            "a tracked change by \(author) was accepted: the deleted text “\(text)” is not in the post"
        case .linkRemoved(let url, let text, _):
            "the link “\(text)” to \(url) was removed (its text is kept): the site links only to web addresses, mailto: and tel:"
        case .tableSimplified:
            "a table had merged cells or several paragraphs in a cell; each cell is now one line of text"
        case .tableOfContentsLeftOut: "the document's table of contents was not imported"
        }
    }

    public var help: String? {
        switch self {
        case .imageWithoutDescription:
            "write what the image shows between the brackets of ![…] at this line (for readers who cannot see it)"
        case .imageLeftOut:
            "save the image as PNG or JPEG from the document, put it in the post's media folder and add it with ![description](/media/…)"
        case .textBox: "copy the text into the post where it belongs, if it should be published"
        case .comment: "check whether the comment asks for a change the post still needs"
        case .insertionAccepted, .deletionAccepted:
            "the post follows the document with all changes accepted; check with the sender if the change was not final"
        case .linkRemoved: "add a link to a web address if the text needs one"
        case .tableSimplified: "compare the table with the document"
        case .tableOfContentsLeftOut: "a post is read on one page; its headings are enough to find one's way"
        }
    }
}
