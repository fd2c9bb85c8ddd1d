/// The official value checkers: strings, lists, dictionaries and lists of dictionaries.
extension ASTChecker {
    /// `standardize_string`: drop spaces and `,./-_*^`, lower-case, and turn `'` into `"`.
    public static func standardize(_ text: String) -> String {
        let dropped: Set<Character> = [" ", ",", ".", "/", "-", "_", "*", "^"]
        return String(text.filter { !dropped.contains($0) }).lowercased().replacingOccurrences(of: "'", with: "\"")
    }

    static func standardized(_ value: PyValue) -> PyValue {
        if case .string(let s) = value { return .string(standardize(s)) }
        return value
    }

    /// Python's iteration over an acceptable value inside `list_checker` (a string iterates over its characters).
    static func iterate(_ value: PyValue) throws -> [PyValue] {
        guard let items = value.iterated else { throw CheckerCrash("object of type '\(value.kind.rawValue)' has no len()") }
        return items
    }

    /// `string_checker`.
    static func stringCheck(param: PyValue, value: PyValue, acceptable: [PyValue]) -> Outcome {
        guard case .string(let text) = value else { return .ok }
        let candidates = acceptable.compactMap(\.stringValue).map(standardize)
        if !candidates.contains(standardize(text)) {
            return .failure(
                "value_error:string",
                "Invalid value for parameter \(param): \(value). Expected one of \(PyValue.list(acceptable)). Case insensitive.")
        }
        return .ok
    }

    /// `list_checker`: element-wise after standardising string elements.
    static func listCheck(param: PyValue, value: PyValue, acceptable: [PyValue]) throws -> Outcome {
        let model = PyValue.list((value.elements ?? []).map(standardized))
        let candidates = try acceptable.map { PyValue.list(try iterate($0).map(standardized)) }
        if !model.isIn(candidates) {
            return .failure("value_error:list/tuple", "Invalid value for parameter \(param): \(value). Expected one of \(PyValue.list(acceptable)).")
        }
        return .ok
    }

    /// `dict_checker`, in the version's form.
    func dictCheck(param: PyValue, value: PyValue, acceptable: [PyValue]) throws -> Outcome {
        guard let model = value.dictValue else { throw CheckerCrash("'\(value.kind.rawValue)' object has no attribute 'items'") }
        var result = Outcome.failure("dict_checker:unclear", "")
        result.errors = []
        for candidate in acceptable {
            if candidate == .string("") { continue }
            result = Outcome.failure("dict_checker:unclear", "")
            result.errors = []
            guard let expected = candidate.dictValue else { throw CheckerCrash("an acceptable dictionary value is not a dictionary") }
            var flag = true
            if version == .v1 && model.count != expected.count {
                result = .failure("value_error:dict_items", "Wrong number of parameters for dictionary.")
                continue
            }
            for (key, item) in model {
                guard let expectedValues = expected.first(where: { $0.key == key })?.value else {
                    result = .failure("value_error:dict_key", "Unexpected parameter: '\(key)'.")
                    flag = false
                    break
                }
                if version == .v1, case .dict = expectedValues {
                    result = try dictCheck(param: param, value: item, acceptable: [expectedValues])
                    if !result.valid { flag = false; break }
                    continue
                }
                let candidates = try Self.iterate(expectedValues).map(Self.standardized)
                if !Self.standardized(item).isIn(candidates) {
                    result = .failure("value_error:dict_value", "Invalid value for parameter \(key): \(item). Expected one of \(PyValue.list(candidates)).")
                    flag = false
                    break
                }
            }
            if version == .v3 {
                for (key, values) in expected where !model.contains(where: { $0.key == key }) {
                    if !PyValue.string("").isIn(try Self.iterate(values)) {
                        result = .failure("value_error:dict_key", "Missing dict key parameter: '\(key)'.")
                        flag = false
                        break
                    }
                }
            }
            if flag { return .ok }
        }
        return result
    }

    /// `list_dict_checker`: the dictionaries in order, against each acceptable list.
    func listDictCheck(param: PyValue, value: PyValue, acceptable: [PyValue]) throws -> Outcome {
        let model = value.elements ?? []
        var result = Outcome.failure("list_dict_checker:unclear", "")
        result.errors = []
        for candidate in acceptable {
            let expected = try Self.iterate(candidate)
            var flag = true
            if model.count != expected.count {
                result = .failure("value_error:list_dict_count", "Wrong number of dictionaries in the list.")
                continue
            }
            for (item, expectedItem) in zip(model, expected) {
                result = try dictCheck(param: param, value: item, acceptable: [expectedItem])
                if !result.valid { flag = false; break }
            }
            if flag { return .ok }
        }
        return result
    }
}
