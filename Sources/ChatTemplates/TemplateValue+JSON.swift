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

    /// The template value of a JSON tree (numbers written without fraction or exponent are integers).
    init(_ tree: JSONTree) {
        switch tree {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .int(value)
        case .number(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .array(items.map(TemplateValue.init))
        case .object(let members):
            var dictionary: [String: TemplateValue] = [:]
            var order: [String] = []
            for member in members where dictionary.updateValue(TemplateValue(member.value), forKey: member.key) == nil {
                order.append(member.key)
            }
            self = .object(dictionary, order: order)
        }
    }
}
