public enum LiveCodeBenchBenchmark {}
