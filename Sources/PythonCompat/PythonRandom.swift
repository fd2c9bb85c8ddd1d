import Foundation

/// Python's `random.Random` (MT19937 seeded as CPython seeds it from an integer), bit for bit, for official code
/// that draws from a seeded Python generator: simple-evals' GPQA option order (`random.Random(0)`), langdetect's
/// smoothing and n-gram draws (`random()`, `gauss()`, `choice()`).
public struct PythonRandom: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624
    private var gaussNext: Double?

    /// Seeds the generator as `random.Random(seed)` does for a non-negative integer below 2³².
    ///
    /// - Parameter seed: The seed.
    public init(seed: UInt32) {
        // CPython: init_genrand(19650218) then init_by_array with the seed's 32-bit words ([0] for 0).
        state[0] = 19_650_218
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        let key = [seed]
        var i = 1
        var j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    /// The next 32 random bits (`genrand_uint32`).
    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `getrandbits(k)` for 1 ≤ k ≤ 32.
    public mutating func bits(_ k: Int) -> UInt32 {
        nextUInt32() >> UInt32(32 - k)
    }

    /// `getrandbits(k)` for 1 ≤ k ≤ 63: 32-bit words from the least significant up, the last one cut to the bits
    /// still wanted (CPython's `_random_Random_getrandbits_impl`).
    public mutating func wideBits(_ k: Int) -> Int {
        if k <= 32 { return Int(bits(k)) }
        var result = 0
        var shift = 0
        var left = k
        while left > 0 {
            let word = left < 32 ? bits(left) : nextUInt32()
            result |= Int(word) << shift
            shift += 32
            left -= 32
        }
        return result
    }

    /// `_randbelow(n)`: a uniform integer in 0..<n by rejection on `n.bit_length()` bits (1 ≤ n < 2⁶³).
    public mutating func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = wideBits(k)
        while r >= n { r = wideBits(k) }
        return r
    }

    /// `random()`: a 53-bit float in [0, 1).
    public mutating func random() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `gauss(0.0, 1.0)`: Box–Muller pairs, the second value kept for the next call (as CPython does).
    public mutating func gauss() -> Double {
        if let z = gaussNext {
            gaussNext = nil
            return z
        }
        let x2pi = random() * (2.0 * Double.pi)
        let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
        gaussNext = sin(x2pi) * g2rad
        return cos(x2pi) * g2rad
    }

    /// `sample(range(n), k)` for small populations (CPython's pool method, used when n ≤ 21).
    ///
    /// - Parameters:
    ///   - n: The population size (at most 21).
    ///   - k: How many to draw.
    /// - Returns: The drawn indices in order.
    public mutating func sample(range n: Int, count k: Int) -> [Int] {
        var pool = Array(0..<n)
        var result: [Int] = []
        for i in 0..<k {
            let j = below(n - i)
            result.append(pool[j])
            pool[j] = pool[n - i - 1]
        }
        return result
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
            state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}
