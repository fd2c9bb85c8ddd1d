import Foundation

/// Globals and methods available to templates: `range`, `namespace`, `raise_exception`, `strftime_now`, `dict`,
/// and the Python `str` and `dict` methods chat templates call.
extension TemplateInterpreter {
    func builtinGlobal(_ name: String) -> Value? {
        switch name {
        case "range":
            return .callable(.init("range") { arguments, _ in
                let bounds = arguments.compactMap { if case .int(let i) = $0 { i } else { nil } }
                guard bounds.count == arguments.count, (1...3).contains(bounds.count) else {
                    throw ChatTemplateError.render("range() takes one to three integers", line: 0)
                }
                let (start, stop, step) = bounds.count == 1 ? (0, bounds[0], 1) : (bounds[0], bounds[1], bounds.count == 3 ? bounds[2] : 1)
                guard step != 0 else { throw ChatTemplateError.render("range() step cannot be zero", line: 0) }
                return .array(Swift.stride(from: start, to: stop, by: step).map { .int($0) })
            })
        case "namespace":
            return .callable(.init("namespace") { arguments, keywords in
                let namespace = Value.Namespace()
                if case .object(let initial)? = arguments.first { namespace.attributes = initial }
                for (key, value) in keywords { namespace.attributes[key] = value }
                return .namespace(namespace)
            })
        case "dict":
            return .callable(.init("dict") { _, keywords in
                var dictionary = Value.Dictionary()
                for (key, value) in keywords { dictionary[key] = value }
                return .object(dictionary)
            })
        case "raise_exception":
            return .callable(.init("raise_exception") { arguments, _ in
                throw ChatTemplateError(.render, "the chat template refused the conversation: \(arguments.first?.text ?? "")")
            })
        case "strftime_now":
            return .callable(.init("strftime_now") { [now] arguments, _ in
                .string(Self.strftime(arguments.first?.text ?? "", now))
            })
        default:
            return nil
        }
    }

    /// A small `strftime` for the codes chat templates use (`%Y %m %d %B %b %H %M %S %-d %y %A %a`).
    static func strftime(_ format: String, _ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let month = months[((c.month ?? 1) - 1) % 12]
        let day = days[((c.weekday ?? 1) - 1) % 7]
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        var out = ""
        var iterator = format.makeIterator()
        while let ch = iterator.next() {
            guard ch == "%", var code = iterator.next() else { out.append(ch); continue }
            var pad = true
            if code == "-", let next = iterator.next() { pad = false; code = next }
            switch code {
            case "Y": out += String(c.year ?? 0)
            case "y": out += two((c.year ?? 0) % 100)
            case "m": out += pad ? two(c.month) : String(c.month ?? 0)
            case "d": out += pad ? two(c.day) : String(c.day ?? 0)
            case "H": out += two(c.hour)
            case "M": out += two(c.minute)
            case "S": out += two(c.second)
            case "B": out += month
            case "b": out += String(month.prefix(3))
            case "A": out += day
            case "a": out += String(day.prefix(3))
            case "%": out += "%"
            default: out += "%" + String(code)
            }
        }
        return out
    }

    /// `dict.items()`, `.keys()`, `.values()`, `.get(key, default)`.
    func dictionaryMethod(_ dictionary: Value.Dictionary, _ name: String) -> Value? {
        switch name {
        case "items": return .callable(.init(name) { _, _ in .array(dictionary.pairs.map { .array([.string($0.0), $0.1]) }) })
        case "keys": return .callable(.init(name) { _, _ in .array(dictionary.keys.map { .string($0) }) })
        case "values": return .callable(.init(name) { _, _ in .array(dictionary.pairs.map(\.1)) })
        case "get": return .callable(.init(name) { arguments, _ in
            dictionary[arguments.first?.text ?? ""] ?? (arguments.count > 1 ? arguments[1] : .none)
        })
        default: return nil
        }
    }

    /// Python `str` methods.
    func stringMethod(_ text: String, _ name: String, line: Int) -> Value? {
        func method(_ body: @escaping ([Value]) throws -> Value) -> Value {
            .callable(.init(name) { arguments, _ in try body(arguments) })
        }
        func characters(_ arguments: [Value]) -> Set<Character>? {
            if case .string(let set)? = arguments.first { return Set(set) }
            return nil
        }
        switch name {
        case "strip": return method { .string(PythonString.strip(text, characters($0), leading: true, trailing: true)) }
        case "lstrip": return method { .string(PythonString.strip(text, characters($0), leading: true, trailing: false)) }
        case "rstrip": return method { .string(PythonString.strip(text, characters($0), leading: false, trailing: true)) }
        case "upper": return method { _ in .string(text.uppercased()) }
        case "lower": return method { _ in .string(text.lowercased()) }
        case "title": return method { _ in .string(text.capitalized) }
        case "capitalize": return method { _ in .string(text.prefix(1).uppercased() + text.dropFirst().lowercased()) }
        case "split":
            return method { arguments in
                var maxSplit = -1
                if arguments.count > 1, case .int(let limit) = arguments[1] { maxSplit = limit }
                if case .string(let separator)? = arguments.first {
                    guard !separator.isEmpty else { throw ChatTemplateError.render("split() with an empty separator", line: line) }
                    return .array(PythonString.split(text, separator: separator, maxSplit: maxSplit).map { .string($0) })
                }
                return .array(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
            }
        case "startswith", "endswith":
            return method { arguments in
                let candidates: [String]
                switch arguments.first {
                case .string(let s)?: candidates = [s]
                case .array(let items)?: candidates = items.map(\.text)
                default: throw ChatTemplateError.render("\(name)() needs a string", line: line)
                }
                return .bool(candidates.contains { name == "startswith" ? text.hasPrefix($0) : text.hasSuffix($0) })
            }
        case "replace":
            return method { arguments in
                guard arguments.count >= 2 else { throw ChatTemplateError.render("replace() needs two strings", line: line) }
                return .string(text.replacingOccurrences(of: arguments[0].text, with: arguments[1].text))
            }
        case "find":
            return method { arguments in
                guard let range = text.range(of: arguments.first?.text ?? "") else { return .int(-1) }
                return .int(text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound))
            }
        case "join":
            return method { arguments in
                .string(try (arguments.first ?? .array([])).iterated(line: line).map(\.text).joined(separator: text))
            }
        default:
            return nil
        }
    }
}

/// Python string helpers with Python's exact semantics.
enum PythonString {
    /// `str.strip/lstrip/rstrip([chars])`: whitespace, or any of `characters`.
    static func strip(_ text: String, _ characters: Set<Character>?, leading: Bool, trailing: Bool) -> String {
        let remove: (Character) -> Bool = { characters?.contains($0) ?? $0.isWhitespace }
        var slice = Substring(text)
        if leading { slice = slice.drop(while: remove) }
        if trailing { while let last = slice.last, remove(last) { slice = slice.dropLast() } }
        return String(slice)
    }

    /// `str.split(separator, maxsplit)`.
    static func split(_ text: String, separator: String, maxSplit: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while maxSplit < 0 || parts.count < maxSplit, let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
