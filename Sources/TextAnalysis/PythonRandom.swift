import Foundation

/// CPython's `random.Random`: the MT19937 generator with CPython's integer seeding, `random()`, `gauss()` and
/// `choice()`, bit for bit, so that a seeded langdetect run in Swift draws the same numbers as in Python.
struct PythonRandom {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624
    private var gaussNext: Double?

    /// `random.Random(seed)` for a non-negative integer seed below 2^32 (CPython's `init_by_array` with one key word).
    init(seed: UInt32) {
        initialize(19_650_218)
        let key = [seed]
        var i = 1
        var j = 0
        for _ in 0..<max(624, key.count) {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    private mutating func initialize(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    private mutating func regenerate() {
        for k in 0..<624 {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
            state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }

    /// The next tempered 32-bit output (`genrand_uint32`).
    mutating func next32() -> UInt32 {
        if index >= 624 { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random.random()`: a 53-bit float in [0, 1).
    mutating func random() -> Double {
        let a = Double(next32() >> 5)
        let b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.gauss(0.0, 1.0)`: Box–Muller pairs, the second value kept for the next call.
    mutating func gauss() -> Double {
        if let z = gaussNext {
            gaussNext = nil
            return z
        }
        let x2pi = random() * (2.0 * Double.pi)
        let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
        gaussNext = sin(x2pi) * g2rad
        return cos(x2pi) * g2rad
    }

    /// `random.randrange(count)` as `choice` uses it: `getrandbits(bit_length)` with rejection; `count` ≥ 1.
    mutating func below(_ count: Int) -> Int {
        let bits = Int.bitWidth - count.leadingZeroBitCount
        precondition(bits <= 32, "PythonRandom.below supports counts below 2^32")
        while true {
            let r = Int(next32() >> UInt32(32 - bits))
            if r < count { return r }
        }
    }
}
