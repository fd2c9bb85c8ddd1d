import ProctorCore
import ProctorServe
import Testing

@Suite("Fault plans")
struct FaultPlanTests {
    @Test("the documented example parses into the faults it names")
    func example() throws {
        let plan = try FaultPlan(parsing: "3:500,5:stall,7:drop,9:429")
        #expect(plan.fault(forRequest: 1) == nil)
        #expect(plan.fault(forRequest: 3) == .status(500))
        #expect(plan.fault(forRequest: 5) == .stall(seconds: 3600))
        #expect(plan.fault(forRequest: 7) == .drop)
        #expect(plan.fault(forRequest: 9) == .rateLimited(retryAfter: 1))
        #expect(plan.fault(forRequest: 10) == nil)
    }

    @Test("ranges, wildcards, arguments; the first matching entry wins")
    func rangesAndArguments() throws {
        let plan = try FaultPlan(parsing: " 2-4:stall=0.5 , 3:503, 6:429=2.5, 7:reset, *:502")
        #expect(plan.fault(forRequest: 1) == .status(502))
        #expect(plan.fault(forRequest: 3) == .stall(seconds: 0.5))
        #expect(plan.fault(forRequest: 4) == .stall(seconds: 0.5))
        #expect(plan.fault(forRequest: 5) == .status(502))
        #expect(plan.fault(forRequest: 6) == .rateLimited(retryAfter: 2.5))
        #expect(plan.fault(forRequest: 7) == .reset)
        #expect(plan.fault(forRequest: 1000) == .status(502))
    }

    @Test("malformed entries are rejected with a message naming them", arguments: [
        "3", "0:500", "x:500", "5-3:500", "3:200", "3:600", "3:teapot", "3:drop=2", "3:stall=-1", "3:429=soon",
    ])
    func malformed(text: String) {
        #expect {
            try FaultPlan(parsing: text)
        } throws: { error in
            guard let error = error as? ProctorError else { return false }
            return error.code == .invalidArgument && error.message.contains("--faults entry \"\(text)\"")
        }
    }
}
