public enum IFEvalBenchmark {}
