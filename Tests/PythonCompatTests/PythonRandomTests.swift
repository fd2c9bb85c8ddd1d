import PythonCompat
import Testing

@Suite struct PythonRandomTests {
    // Values printed by CPython 3.11.7: `random.Random(0).getrandbits(32)` three times, and
    // `[r.sample(range(4), 4) for _ in range(6)]` for r = random.Random(0).
    @Test func bitsAndSamplesMatchCPython() {
        var random = PythonRandom(seed: 0)
        #expect((0..<3).map { _ in random.nextUInt32() } == [3_626_764_237, 1_654_615_998, 3_255_389_356])
        var sampler = PythonRandom(seed: 0)
        let permutations = (0..<6).map { _ in sampler.sample(range: 4, count: 4) }
        #expect(permutations == [[3, 1, 0, 2], [3, 1, 2, 0], [2, 3, 0, 1], [2, 0, 3, 1], [1, 3, 0, 2], [2, 1, 0, 3]])
    }

    // CPython 3.11.7: r = random.Random(0); r.random(), r.gauss(0.0, 1.0), r.gauss(0.0, 1.0),
    // r.choice(range(1000)), r.randrange(7); and random.Random(12345).random().
    @Test func floatsGaussiansAndChoicesMatchCPython() {
        var random = PythonRandom(seed: 0)
        #expect(random.random() == 0.8444218515250481)
        #expect(random.gauss() == 0.05219198828260849)
        #expect(random.gauss() == -1.0434089742005737)
        #expect(random.below(1000) == 265)
        #expect(random.below(7) == 4)
        var other = PythonRandom(seed: 12345)
        #expect(other.random() == 0.41661987254534116)
    }

    // CPython 3.11.7: r = random.Random(141053); r.getrandbits(40), r.getrandbits(63), r.randrange(900000000000)
    // (more than 32 bits: words from the least significant up, as TravelAPI's 12-digit card ids need).
    @Test func wideBitsMatchCPython() {
        var random = PythonRandom(seed: 141_053)
        #expect(random.wideBits(40) == 162_919_693_687)
        #expect(random.wideBits(63) == 2_436_214_915_375_322_172)
        #expect(random.below(900_000_000_000) == 207_751_534_385)
    }
}
