import EngineThreads
import Testing

@Suite("kernel sets chosen at run time")
struct KernelSetTests {
    @Test("the fastest set is one this CPU runs, scalar is always there, and every table is complete")
    func tables() throws {
        let available = KernelSet.available
        #expect(available.contains(.scalar))
        #expect(available.first == .best)
        for set in available {
            let t = set.table.pointee
            #expect(t.matmul_x8 != nil && t.matmul_f32 != nil && t.quantize_act != nil && t.attention_block != nil, "\(set)")
            #expect(t.rmsnorm != nil && t.silu_mul != nil && t.to_fp16 != nil, "\(set)")
            #expect(try KernelSet(named: set.name) == set)
            #expect(!set.detail.isEmpty)
        }
        // A CPU with AVX-512 F/BW/VL runs the avx512 set (and then AVX2 too).
        let features = Set(KernelSet.cpuFeatures)
        #expect(available.contains { $0.name == "avx512" } == features.isSuperset(of: ["avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl"]))
        #expect(available.contains { $0.name == "avx2" } == features.isSuperset(of: ["avx2", "fma", "f16c"]))
    }

    @Test("PROCTOR_KERNELS: unset or empty is the fastest set, a name forces that set")
    func environment() throws {
        #expect(try KernelSet.fromEnvironment([:]) == .best)
        #expect(try KernelSet.fromEnvironment(["PROCTOR_KERNELS": ""]) == .best)
        for set in KernelSet.available {
            #expect(try KernelSet.fromEnvironment(["PROCTOR_KERNELS": set.name]) == set)
        }
    }

    @Test("an unknown PROCTOR_KERNELS value is an error naming the variable, the value and the choices")
    func unknown() {
        #expect {
            try KernelSet.fromEnvironment(["PROCTOR_KERNELS": "avx1024"])
        } throws: { error in
            let message = String(describing: error)
            return message.contains("PROCTOR_KERNELS=avx1024") && message.contains("avx512, avx2, scalar")
        }
    }

    @Test("a set this CPU lacks is an error naming it and the CPU's features", .enabled(if: KernelSet.available.count < 3, "this CPU runs every set"))
    func missing() throws {
        let lacking = try #require(KernelSet.familyNames.first { name in !KernelSet.available.contains { $0.name == name } })
        #expect {
            try KernelSet(named: lacking)
        } throws: { error in
            String(describing: error).contains("cannot run the '\(lacking)' kernels")
        }
    }
}
