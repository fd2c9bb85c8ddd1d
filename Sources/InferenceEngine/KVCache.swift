import CKernels

/// The keys and values of one sequence, per layer and KV head: `[kvHead][position][headDim]`, in f16 (fast path) or
/// f32 (reference). A head's positions are contiguous, so attention streams them (rows `kvWidth` apart defeated the
/// hardware prefetcher: 5× slower at 640 positions).
///
/// Grows by doubling. Owned by one `Generator` and used from one forward pass at a time.
public final class KVCache {
    let layerCount: Int
    let width: Int
    let headDim: Int
    /// Whether entries are halves (2 bytes) or floats.
    public let isHalf: Bool
    private(set) var capacity: Int = 0
    private var keys: [UnsafeMutableRawPointer] = []
    private var values: [UnsafeMutableRawPointer] = []
    /// The number of positions filled (the next position to write).
    public internal(set) var count: Int = 0

    init(layerCount: Int, width: Int, headDim: Int, isHalf: Bool) {
        self.layerCount = layerCount
        self.width = width
        self.headDim = headDim
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
                let headBytes = capacity * headDim * elementSize, newHeadBytes = newCapacity * headDim * elementSize
                for h in 0..<(width / headDim) {
                    (k + h * newHeadBytes).copyMemory(from: keys[l] + h * headBytes, byteCount: headBytes)
                    (v + h * newHeadBytes).copyMemory(from: values[l] + h * headBytes, byteCount: headBytes)
                }
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
    func store(layer: Int, position: Int, key: UnsafePointer<Float>, value: UnsafePointer<Float>, kernels: ck_kernels) {
        for h in 0..<(width / headDim) {
            let offset = (h * capacity + position) * headDim * elementSize
            let k = key + h * headDim, v = value + h * headDim
            if isHalf {
                kernels.to_fp16!(k, (keys[layer] + offset).assumingMemoryBound(to: UInt16.self), Int64(headDim))
                kernels.to_fp16!(v, (values[layer] + offset).assumingMemoryBound(to: UInt16.self), Int64(headDim))
            } else {
                (keys[layer] + offset).copyMemory(from: k, byteCount: headDim * 4)
                (values[layer] + offset).copyMemory(from: v, byteCount: headDim * 4)
            }
        }
    }

    /// The key and value pointers of one layer and KV head at position `start`; positions are `headDim` elements
    /// apart.
    func heads(layer: Int, head: Int, start: Int) -> (UnsafeRawPointer, UnsafeRawPointer) {
        let offset = (head * capacity + start) * headDim * elementSize
        return (UnsafeRawPointer(keys[layer] + offset), UnsafeRawPointer(values[layer] + offset))
    }
}
