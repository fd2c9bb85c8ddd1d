import Foundation
import OrderedJSON

/// Reading template values from JSON text, keeping object keys in document order (which `tojson` reproduces).
extension TemplateValue {
    /// Parses JSON text.
    ///
    /// - Parameter text: A JSON document.
    /// - Returns: The value, objects keeping their key order.
    /// - Throws: ``ChatTemplateError`` with code `.syntax` naming the byte offset of the first error.
    public static func parseJSON(_ text: String) throws -> TemplateValue {
        do {
            return TemplateValue(try JSONTree.parse(Data(text.utf8)))
        } catch {
            throw ChatTemplateError(.syntax, "\(error)")
        }
    }
}

/// Template values convert from parsed JSON trees (numbers written without fraction or exponent are integers).
extension TemplateValue: JSONTreeConvertible {
    /// An object keeping its keys in document order (a repeated key keeps its first place and its last value).
    public init(jsonObject members: [(key: String, value: TemplateValue)]) {
        var dictionary: [String: TemplateValue] = [:]
        var order: [String] = []
        for member in members where dictionary.updateValue(member.value, forKey: member.key) == nil {
            order.append(member.key)
        }
        self = .object(dictionary, order: order)
    }
}
