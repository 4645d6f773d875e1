// libFuzzer builds only (CNUMPY_LIBFUZZER): hands a target's seeds and dictionary (the same
// kSeeds/kDict the smoke driver mutates) to libFuzzer. LLVMFuzzerInitialize runs before libFuzzer
// reads its flags: it writes each seed into the corpus directory (the first argument that is not a
// flag) when that directory has no files yet, writes the dictionary next to it in libFuzzer's
// format, and appends -dict=<that file> to the arguments.
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace {
std::string quoted(const char* s) {
  std::string out = "\"";
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p; ++p) {
    char buf[8];
    if (*p == '"' || *p == '\\' || *p < 32 || *p >= 127) std::snprintf(buf, sizeof buf, "\\x%02X", *p);
    else buf[0] = char(*p), buf[1] = 0;
    out += buf;
  }
  return out + "\"";
}
std::vector<std::string> g_args;  // the extended argv's strings live for the whole run
std::vector<char*> g_argv;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  namespace fs = std::filesystem;
  std::string corpus;
  for (int i = 1; i < *argc; ++i)
    if ((*argv)[i][0] != '-') {
      corpus = (*argv)[i];
      break;
    }
  while (corpus.size() > 1 && corpus.back() == '/') corpus.pop_back();
  if (corpus.empty()) return 0;
  std::error_code ec;
  fs::create_directories(corpus, ec);
  if (fs::is_empty(corpus, ec)) {
    for (size_t i = 0; i < fuzz::kNumSeeds; ++i) {
      if (FILE* f = std::fopen((corpus + "/seed_" + std::to_string(i)).c_str(), "wb")) {
        std::fwrite(fuzz::kSeeds[i], 1, fuzz::seed_size(i), f);
        std::fclose(f);
      }
    }
  }
  const std::string dict = corpus + ".dict";
  if (FILE* f = std::fopen(dict.c_str(), "w")) {
    for (size_t i = 0; i < fuzz::kNumDict; ++i)  // "\x00" reads as empty: libFuzzer refuses an empty entry
      if (fuzz::kDict[i][0] != '\0') std::fprintf(f, "%s\n", quoted(fuzz::kDict[i]).c_str());
    std::fclose(f);
  }
  for (int i = 0; i < *argc; ++i) g_args.emplace_back((*argv)[i]);
  g_args.push_back("-dict=" + dict);
  for (std::string& s : g_args) g_argv.push_back(s.data());
  g_argv.push_back(nullptr);
  *argc = int(g_args.size());
  *argv = g_argv.data();
  return 0;
}
