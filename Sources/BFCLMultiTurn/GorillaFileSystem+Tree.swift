import Foundation
import FunctionCallChecks

/// A file of the simulated tree (a Python object: shared where the official code shares it).
// @unchecked Sendable: a tree belongs to one simulator instance, which one executor mutates serially.
final class FSFile: @unchecked Sendable {
    let name: String
    var content: String

    init(name: String, content: String) {
        self.name = name
        self.content = content
    }
}

/// A directory: its name, parent and ordered contents (Python's insertion-ordered dict).
// @unchecked Sendable: as `FSFile`.
final class FSDirectory: @unchecked Sendable {
    enum Item {
        case file(FSFile)
        case directory(FSDirectory)
    }

    /// The `contents` dict, a shared object as in Python (`mv` hands a directory's dict to its new copy).
    // @unchecked Sendable: as `FSFile`.
    final class Contents: @unchecked Sendable {
        var entries: [(name: String, item: Item)]
        init(_ entries: [(name: String, item: Item)] = []) { self.entries = entries }
    }

    let name: String
    let parent: FSDirectory?
    var contents = Contents()
    var entries: [(name: String, item: Item)] {
        get { contents.entries }
        set { contents.entries = newValue }
    }

    init(name: String, parent: FSDirectory?) {
        self.name = name
        self.parent = parent
    }

    /// `_get_item`: `.` is the directory itself.
    func item(_ name: String) -> Item? {
        if name == "." { return .directory(self) }
        return entries.first { $0.name == name }?.item
    }

    func set(_ name: String, _ item: Item) {
        if let i = entries.firstIndex(where: { $0.name == name }) { entries[i].item = item } else { entries.append((name, item)) }
    }

    func remove(_ name: String) {
        entries.removeAll { $0.name == name }
    }

    /// The tree as values, for the state comparison (directories by name and contents, files by name and content).
    var value: PyValue {
        .dict([
            (.string("directory"), .string(name)),
            (.string("contents"), .dict(entries.map { entry in
                switch entry.item {
                case .file(let f): (.string(entry.name), .dict([(.string("file"), .string(f.name)), (.string("content"), .string(f.content))]))
                case .directory(let d): (.string(entry.name), d.value)
                }
            })),
        ])
    }

    /// Total size of the files' UTF-8 bytes.
    var size: Int {
        entries.reduce(0) { total, entry in
            switch entry.item {
            case .file(let f): total + f.content.utf8.count
            case .directory(let d): total + d.size
            }
        }
    }
}

extension GorillaFileSystem {
    /// `_navigate_to_directory`.
    func navigate(_ path: String) -> FSDirectory? {
        if path == "." { return current }
        if path == "/" { return root }
        var directory = path.hasPrefix("/") ? root : current
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        for name in trimmed.split(separator: "/", omittingEmptySubsequences: false) {
            guard case .directory(let next)? = directory.item(String(name)) else { return nil }
            directory = next
        }
        return directory
    }

    func du(humanReadable: Bool) -> PyValue {
        let total = current.size
        guard humanReadable else { return Self.result("disk_usage", .string("\(total) bytes")) }
        var size = Double(total)
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size < 1024 { return Self.result("disk_usage", .string(String(format: "%.2f %@", size, unit))) }
            size /= 1024
        }
        return Self.result("disk_usage", .string(String(format: "%.2f PB", size)))
    }

    /// `mv` and `cp`, with the official code's sharing: a moved directory keeps its children (whose parent stays the
    /// old directory object), a copied directory shares its entries' objects.
    mutating func moveOrCopy(copy: Bool, source: String, destination: String) throws -> PyValue {
        let verb = copy ? "cp: cannot copy" : "mv: cannot move"
        guard let item = current.item(source) else { return Self.error("\(verb) '\(source)': No such file or directory") }
        if destination.contains("/") {
            return Self.error(copy
                ? "cp: don't allow path in destination. Only file name and folder name is supported for this operation."
                : "mv: no path allowed in destination. Only file name and folder name is supported for this operation.")
        }
        func place(_ item: FSDirectory.Item, named name: String, in directory: FSDirectory) throws {
            if directory.item(name) != nil {
                let kind = if case .file = item { "File" } else { "Directory" }
                throw MultiTurnError("\(kind) '\(name)' already exists in directory '\(directory.name)'.")
            }
            switch item {
            case .file(let f): directory.set(name, .file(FSFile(name: name, content: f.content)))
            case .directory(let d):
                let fresh = FSDirectory(name: name, parent: directory)
                // mv hands over the same dict; cp a shallow copy (the same file and directory objects).
                fresh.contents = copy ? FSDirectory.Contents(d.entries) : d.contents
                directory.set(name, .directory(fresh))
            }
        }
        let done = copy ? "copied" : "moved"
        if let target = current.item(destination) {
            guard case .directory(let folder) = target else { return Self.error("\(verb) '\(source)' to '\(destination)': Not a directory") }
            // `cp` looks for `destination/source` among the folder's names, which never holds a slash.
            let clash = copy ? folder.item("\(destination)/\(source)") != nil : folder.item(source) != nil
            if clash { return Self.error("\(verb) '\(source)' to '\(destination)/\(source)': File exists") }
            if !copy { current.remove(source) }
            try place(item, named: source, in: folder)
            return Self.result("result", .string("'\(source)' \(done) to '\(destination)/\(source)'"))
        }
        if !copy { current.remove(source) }
        try place(item, named: destination, in: current)
        return Self.result("result", .string("'\(source)' \(done) to '\(destination)'"))
    }
}

/// Python's `str.splitlines()` and `str.split()`.
enum PythonText {
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]

    static func splitlines(_ text: String) -> [String] {
        var lines: [String] = []
        var currentLine = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if lineBreaks.contains(c) {
                if c == "\r", scalars.first == "\n" { scalars.removeFirst() }
                lines.append(String(currentLine))
                currentLine = String.UnicodeScalarView()
            } else {
                currentLine.append(c)
            }
        }
        if !currentLine.isEmpty { lines.append(String(currentLine)) }
        return lines
    }

    static func words(_ text: String) -> [String] {
        text.unicodeScalars.split { $0.properties.isWhitespace || ("\u{1C}"..."\u{1F}").contains($0) }.map { String(String.UnicodeScalarView($0)) }
    }
}
