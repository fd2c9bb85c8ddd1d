import Foundation

/// The weights of a Hugging Face checkpoint folder: one `model.safetensors`, or the shards listed by
/// `model.safetensors.index.json` (`weight_map`: tensor name → shard file).
public final class SafeTensorsCheckpoint: Sendable {
    /// The checkpoint folder.
    public let folder: URL
    /// The opened files, by file name.
    public let files: [String: SafeTensorsFile]
    /// Which file holds each tensor.
    public let fileForTensor: [String: String]

    /// Opens every shard of a checkpoint folder and checks that the index and the shards agree.
    ///
    /// - Parameter folder: The folder holding `model.safetensors` or `model.safetensors.index.json` (or, failing
    ///   both, exactly the `*.safetensors` files to use).
    /// - Throws: ``SafeTensorsError`` naming the file (and tensor) that is missing, truncated or inconsistent.
    public init(folder: URL) throws {
        self.folder = folder
        let manager = FileManager.default
        let index = folder.appendingPathComponent("model.safetensors.index.json")
        var mapping: [String: String] = [:]
        var names: [String]
        if manager.fileExists(atPath: index.path) {
            guard let data = manager.contents(atPath: index.path),
                  let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let weightMap = root["weight_map"] as? [String: String] else {
                throw SafeTensorsError(.malformed, file: index.path, "has no \"weight_map\" object of tensor name → file name")
            }
            mapping = weightMap
            names = Array(Set(weightMap.values)).sorted()
        } else if manager.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path) {
            names = ["model.safetensors"]
        } else {
            names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".safetensors") }.sorted()
            guard !names.isEmpty else {
                throw SafeTensorsError(.notFound, file: folder.path, "holds no model.safetensors, model.safetensors.index.json or *.safetensors file")
            }
        }
        var files: [String: SafeTensorsFile] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard manager.fileExists(atPath: url.path) else {
                throw SafeTensorsError(.notFound, file: url.path, "is listed in model.safetensors.index.json but missing; re-download the checkpoint")
            }
            files[name] = try SafeTensorsFile(url: url)
        }
        if mapping.isEmpty {
            for (name, file) in files { for tensor in file.tensors.keys { mapping[tensor] = name } }
        } else {
            for (tensor, name) in mapping where files[name]?.tensors[tensor] == nil {
                throw SafeTensorsError(.malformed, file: folder.appendingPathComponent(name).path, tensor: tensor,
                                       "is listed in model.safetensors.index.json but not stored in this shard")
            }
        }
        self.files = files
        self.fileForTensor = mapping
    }

    /// All tensor names.
    public var tensorNames: [String] { fileForTensor.keys.sorted() }

    /// Whether the checkpoint has a tensor.
    public func contains(_ name: String) -> Bool { fileForTensor[name] != nil }

    /// The file holding a tensor.
    ///
    /// - Throws: ``SafeTensorsError`` (`.notFound`) naming the folder and tensor.
    public func file(for name: String) throws -> SafeTensorsFile {
        guard let fileName = fileForTensor[name], let file = files[fileName] else {
            throw SafeTensorsError(.notFound, file: folder.path, tensor: name, "no shard of this checkpoint holds the tensor")
        }
        return file
    }

    /// A tensor's information.
    public func info(_ name: String) throws -> SafeTensorInfo { try file(for: name).info(name) }

    /// A floating-point tensor as `Float`s.
    public func floats(_ name: String) throws -> [Float] { try file(for: name).floats(name) }

    /// A floating-point tensor with its shape checked.
    ///
    /// - Parameters:
    ///   - name: The tensor name.
    ///   - shape: The expected shape.
    /// - Returns: The elements.
    /// - Throws: ``SafeTensorsError`` when the tensor is missing or has another shape.
    public func floats(_ name: String, shape: [Int]) throws -> [Float] {
        let info = try info(name)
        guard info.shape == shape else {
            throw SafeTensorsError(.malformed, file: try file(for: name).path, tensor: name, "has shape \(info.shape) but the model config implies \(shape)")
        }
        return try floats(name)
    }
}
