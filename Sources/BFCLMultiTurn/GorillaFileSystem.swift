import FunctionCallChecks

/// `GorillaFileSystem` (`func_source_code/gorilla_file_system.py`): a directory tree with a current directory.
/// Without `long_context` only (its extension files are not ported).
///
/// The official tree is made of Python objects that `mv` and `cp` share between directories (a moved directory's
/// children keep their old parent; a copied directory shares its files), so the Swift tree is made of reference
/// types too and performs the same operations, sharing included.
public struct GorillaFileSystem: MultiTurnAPI {
    public static let className = "GorillaFileSystem"
    public static let methods: [String: [MultiTurnParameter]] = [
        "pwd": [], "ls": [.init("a", default: .bool(false))], "cd": [.init("folder")], "mkdir": [.init("dir_name")], "touch": [.init("file_name")],
        "echo": [.init("content"), .init("file_name", default: PyValue.none)], "cat": [.init("file_name")],
        "find": [.init("path", default: .string(".")), .init("name", default: PyValue.none)],
        "wc": [.init("file_name"), .init("mode", default: .string("l"))], "sort": [.init("file_name")],
        "grep": [.init("file_name"), .init("pattern")], "du": [.init("human_readable", default: .bool(false))],
        "tail": [.init("file_name"), .init("lines", default: .int(10))], "diff": [.init("file_name1"), .init("file_name2")],
        "mv": [.init("source"), .init("destination")], "rm": [.init("file_name")], "rmdir": [.init("dir_name")],
        "cp": [.init("source"), .init("destination")],
    ]

    var root: FSDirectory
    var current: FSDirectory
    let longContext: Bool

    public init(scenario: PyValue, longContext: Bool) {
        self.longContext = longContext
        root = FSDirectory(name: "/", parent: nil)
        if let top = scenario["root"]?.dictValue?.first {
            let directory = FSDirectory(name: top.key.str, parent: nil)
            Self.load(top.value["contents"] ?? .dict([]), into: directory)
            root = directory
        }
        current = root
    }

    static func load(_ contents: PyValue, into parent: FSDirectory) {
        for (name, data) in contents.dictValue ?? [] {
            switch data["type"]?.stringValue {
            case "directory":
                let directory = FSDirectory(name: name.str, parent: parent)
                load(data["contents"] ?? .dict([]), into: directory)
                parent.set(name.str, .directory(directory))
            case "file":
                parent.set(name.str, .file(FSFile(name: name.str, content: data["content"]?.str ?? "")))
            default: break
            }
        }
    }

    public var state: PyValue {
        .dict([(.string("long_context"), .bool(longContext)), (.string("root"), root.value)])
    }

    static func result(_ key: String, _ value: PyValue) -> PyValue { .dict([(.string(key), value)]) }
    static func error(_ message: String) -> PyValue { result("error", .string(message)) }
    static func validName(_ name: String) -> Bool { !name.contains { "|/\\?%*:\"><".contains($0) } }

    /// The current directory's file named `name`, when it is a file.
    func file(_ name: PyValue) -> FSFile? {
        if case .file(let f)? = current.item(name.str) { return f }
        return nil
    }

    public mutating func invoke(_ method: String, _ a: [String: PyValue]) throws -> PyValue {
        if longContext { throw MultiTurnError("GorillaFileSystem with long_context is not ported to Swift yet") }
        switch method {
        case "pwd":
            var path: [String] = []
            var directory: FSDirectory? = current
            while let d = directory { path.append(d.name); directory = d.parent }
            return Self.result("current_working_directory", .string("/" + path.reversed().joined(separator: "/")))
        case "ls":
            let names = current.entries.map(\.name).filter { a["a"]!.truthy || !$0.hasPrefix(".") }
            return Self.result("current_directory_content", .list(names.map(PyValue.string)))
        case "cd":
            let folder = try Self.text(a["folder"]!)
            if folder == ".." {
                if let parent = current.parent { current = parent } else if root === current {
                    return Self.error("Cuurent directory is already the root. Cannot go back.")
                } else {
                    return Self.error("cd: ..: No such directory")
                }
                return .dict([])
            }
            guard let target = navigate(folder) else { return Self.error("cd: \(folder): No such directory. You cannot use path to change directory.") }
            current = target
            return Self.result("current_working_directory", .string(target.name))
        case "mkdir", "touch":
            let name = try Self.text(a[method == "mkdir" ? "dir_name" : "file_name"]!)
            let noun = method == "mkdir" ? "mkdir: cannot create directory" : "touch: cannot touch"
            guard Self.validName(name) else { return Self.error("\(noun) '\(name)': Invalid character") }
            if current.item(name) != nil { return Self.error("\(noun) '\(name)': File exists") }
            current.set(name, method == "mkdir" ? .directory(FSDirectory(name: name, parent: current)) : .file(FSFile(name: name, content: "")))
            return .none
        case "echo":
            let content = a["content"]!
            guard case .string(let name) = a["file_name"]! else { return Self.result("terminal_output", content) }
            guard Self.validName(name) else { return Self.error("echo: cannot touch '\(name)': Invalid character") }
            guard !name.isEmpty else { return Self.result("terminal_output", content) }
            switch current.item(name) {
            case .file(let f)?: f.content = try Self.text(content)
            case .directory?: throw MultiTurnError("'Directory' object has no attribute '_write'")
            case nil: current.set(name, .file(FSFile(name: name, content: try Self.text(content))))
            }
            return .none
        case "cat":
            let name = try Self.text(a["file_name"]!)
            guard Self.validName(name) else { return Self.error("cat: '\(name)': Invalid character") }
            switch current.item(name) {
            case .file(let f)?: return Self.result("file_content", .string(f.content))
            case .directory?: return Self.error("cat: \(name): Is a directory")
            case nil: return Self.error("cat: \(name): No such file or directory")
            }
        case "find":
            let base = try Self.text(a["path"]!)
            let pattern = a["name"]!.stringValue
            var matches: [PyValue] = []
            func search(_ directory: FSDirectory, _ path: String) {
                for entry in directory.entries {
                    let itemPath = "\(path)/\(entry.name)"
                    if pattern == nil || pattern!.isEmpty || entry.name.contains(pattern!) { matches.append(.string(itemPath)) }
                    if case .directory(let d) = entry.item { search(d, itemPath) }
                }
            }
            var trimmed = Substring(base)
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            search(current, String(trimmed))
            return Self.result("matches", .list(matches))
        case "wc":
            let name = a["file_name"]!, mode = a["mode"]!
            guard mode.isIn([.string("l"), .string("w"), .string("c")]) else { return Self.error("wc: invalid mode '\(mode.str)'") }
            if let f = file(name) {
                switch mode.str {
                case "l": return .dict([(.string("count"), .int(PythonText.splitlines(f.content).count)), (.string("type"), .string("lines"))])
                case "w": return .dict([(.string("count"), .int(PythonText.words(f.content).count)), (.string("type"), .string("words"))])
                default: return .dict([(.string("count"), .int(f.content.unicodeScalars.count)), (.string("type"), .string("characters"))])
                }
            }
            return Self.error("wc: \(name.str): No such file or directory")
        case "sort":
            guard let f = file(a["file_name"]!) else { return Self.error("sort: \(a["file_name"]!.str): No such file or directory") }
            let sorted = PythonText.splitlines(f.content).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            return Self.result("sorted_content", .string(sorted.joined(separator: "\n")))
        case "grep":
            guard let f = file(a["file_name"]!) else { return Self.error("grep: \(a["file_name"]!.str): No such file or directory") }
            let pattern = try Self.text(a["pattern"]!)
            return Self.result("matching_lines", .list(PythonText.splitlines(f.content).filter { pattern.isEmpty || $0.contains(pattern) }.map(PyValue.string)))
        case "du":
            return du(humanReadable: a["human_readable"]!.truthy)
        case "tail":
            guard let f = file(a["file_name"]!) else { return Self.error("tail: \(a["file_name"]!.str): No such file or directory") }
            let lines = PythonText.splitlines(f.content)
            guard case .int(var n) = a["lines"]! else { throw MultiTurnError("'>' not supported between instances of '\(a["lines"]!.kind.rawValue)' and 'int'") }
            if n > lines.count { n = lines.count }
            // `content[-n:]`: 0 takes every line, as Python's slice does.
            let start = n == 0 ? 0 : (n > 0 ? lines.count - n : min(lines.count, -n))
            return Self.result("last_lines", .string(lines[start...].joined(separator: "\n")))
        case "diff":
            let one = a["file_name1"]!, two = a["file_name2"]!
            guard let f1 = file(one), let f2 = file(two) else {
                return Self.error("diff: \(one.str) or \(two.str): No such file or directory")
            }
            let pairs = zip(PythonText.splitlines(f1.content), PythonText.splitlines(f2.content)).filter { $0 != $1 }
            return Self.result("diff_lines", .string(pairs.map { "- \($0)\n+ \($1)" }.joined(separator: "\n")))
        case "mv", "cp":
            return try moveOrCopy(copy: method == "cp", source: try Self.text(a["source"]!), destination: try Self.text(a["destination"]!))
        case "rm":
            let name = try Self.text(a["file_name"]!)
            guard current.item(name) != nil else { return Self.error("rm: cannot remove '\(name)': No such file or directory") }
            current.remove(name)
            return Self.result("result", .string("'\(name)' removed"))
        case "rmdir":
            let name = try Self.text(a["dir_name"]!)
            switch current.item(name) {
            case .directory(let d)?:
                if !d.entries.isEmpty { return Self.error("rmdir: failed to remove '\(name)': Directory not empty") }
                current.remove(name)
                return Self.result("result", .string("'\(name)' removed"))
            case .file?: return Self.error("rmdir: cannot remove '\(name)': Not a directory")
            case nil: return Self.error("rmdir: cannot remove '\(name)': No such file or directory")
            }
        default:
            throw MultiTurnError("'GorillaFileSystem' object has no attribute '\(method)'")
        }
    }

    static func text(_ value: PyValue) throws -> String {
        guard case .string(let s) = value else { throw MultiTurnError("expected str, got \(value.kind.rawValue)") }
        return s
    }
}
