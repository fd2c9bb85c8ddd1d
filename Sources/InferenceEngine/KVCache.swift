import CKernels

/// The keys and values of one sequence, per layer: `[position][kvWidth]`, in f16 (fast path) or f32 (reference).
///
/// Grows by doubling. Owned by one `Generator` and used from one forward pass at a time.
public final class KVCache {
    let layerCount: Int
    let width: Int
    /// Whether entries are halves (2 bytes) or floats.
    public let isHalf: Bool
    private(set) var capacity: Int = 0
    private var keys: [UnsafeMutableRawPointer] = []
    private var values: [UnsafeMutableRawPointer] = []
    /// The number of positions filled (the next position to write).
    public internal(set) var count: Int = 0

    init(layerCount: Int, width: Int, isHalf: Bool) {
        self.layerCount = layerCount
        self.width = width
        self.isHalf = isHalf
    }

    deinit {
        keys.forEach { $0.deallocate() }
        values.forEach { $0.deallocate() }
    }

    var elementSize: Int { isHalf ? 2 : 4 }

    /// Bytes in use.
    public var byteCount: Int { capacity * width * elementSize * 2 * layerCount }

    /// Makes room for positions `0..<positions`.
    func reserve(_ positions: Int) {
        guard positions > capacity else { return }
        let newCapacity = max(positions, max(64, capacity * 2))
        let bytes = newCapacity * width * elementSize
        for l in 0..<layerCount {
            let k = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            let v = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            if capacity > 0 {
                k.copyMemory(from: keys[l], byteCount: capacity * width * elementSize)
                v.copyMemory(from: values[l], byteCount: capacity * width * elementSize)
                keys[l].deallocate()
                values[l].deallocate()
                keys[l] = k
                values[l] = v
            } else {
                keys.append(k)
                values.append(v)
            }
        }
        capacity = newCapacity
    }

    /// Stores one position's key and value rows of one layer.
    func store(layer: Int, position: Int, key: UnsafePointer<Float>, value: UnsafePointer<Float>) {
        let offset = position * width * elementSize
        if isHalf {
            ck_to_fp16(key, (keys[layer] + offset).assumingMemoryBound(to: UInt16.self), Int64(width))
            ck_to_fp16(value, (values[layer] + offset).assumingMemoryBound(to: UInt16.self), Int64(width))
        } else {
            (keys[layer] + offset).copyMemory(from: key, byteCount: width * 4)
            (values[layer] + offset).copyMemory(from: value, byteCount: width * 4)
        }
    }

    /// The key and value base pointers of one layer and KV head at position `start`.
    func heads(layer: Int, head: Int, headDim: Int, start: Int) -> (UnsafeRawPointer, UnsafeRawPointer) {
        let offset = (start * width + head * headDim) * elementSize
        return (UnsafeRawPointer(keys[layer] + offset), UnsafeRawPointer(values[layer] + offset))
    }
}
