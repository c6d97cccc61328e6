import ArgumentParser
import PortalKit

// ArgumentParser reads the commands' help and validation texts when it runs, so they come from
// the message catalogue in this process's language (`Message.text`).

extension ArgumentHelp {
    /// An option's `--help` text from the catalogue.
    static func message(_ message: Message) -> ArgumentHelp { ArgumentHelp(message.text) }
}

extension ValidationError {
    /// A command line refused before anything runs (exit status 64), in the catalogue's words.
    init(_ message: Message) { self.init(message.text) }
}
