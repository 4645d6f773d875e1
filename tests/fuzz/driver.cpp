// A deterministic stand-in for libFuzzer's main, so the fuzz targets run as a smoke test in every
// build (GCC included, and under the sanitizer build): mutations of each target's seeds (byte
// flips, insertions, deletions, splices of seeds and of its dictionary), a fixed number of runs,
// a fixed PRNG seed. Usage: fuzz_<target> [runs]. With CNUMPY_LIBFUZZER the real libFuzzer main
// is used instead (tools/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

int main(int argc, char** argv) {
  const long long runs = argc > 1 ? std::atoll(argv[1]) : 100000;
  uint64_t x = 0x9E3779B97F4A7C15ull;
  auto rnd = [&](uint64_t n) {  // xorshift64*
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return (x * 0x2545F4914F6CDD1Dull) % (n ? n : 1);
  };
  std::vector<std::string> seeds, dict;
  for (size_t i = 0; i < fuzz::kNumSeeds; ++i) seeds.emplace_back(fuzz::kSeeds[i], fuzz::seed_size(i));
  for (size_t i = 0; i < fuzz::kNumDict; ++i) dict.emplace_back(fuzz::kDict[i]);
  for (const std::string& s : seeds) LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  for (long long r = 0; r < runs; ++r) {
    std::string s = seeds[rnd(seeds.size())];
    for (uint64_t k = 0, n = 1 + rnd(4); k < n; ++k) {
      const size_t at = s.empty() ? 0 : rnd(s.size() + 1);
      switch (rnd(6)) {
        case 0: if (!s.empty()) s[at % s.size()] = static_cast<char>(rnd(256)); break;
        case 1: s.insert(at, 1, static_cast<char>(rnd(256))); break;
        case 2: if (!s.empty()) s.erase(at % s.size(), 1 + rnd(3)); break;
        case 3: s.insert(at, dict[rnd(dict.size())]); break;
        case 4: s.insert(at, seeds[rnd(seeds.size())]); break;
        default: {
          const std::string& t = seeds[rnd(seeds.size())];
          s = s.substr(0, at) + t.substr(rnd(t.size() + 1));
          break;
        }
      }
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  std::printf("%lld runs, no crash\n", runs + static_cast<long long>(seeds.size()));
  return 0;
}
