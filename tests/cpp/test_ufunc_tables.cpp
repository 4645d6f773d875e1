// Every ufunc's loop list (types and order) against NumPy 1.24's, read from
// tests/data/ufunc_types_numpy124.txt: NumPy's resolution is a linear search over this list, so
// the order decides the result dtype. 'l'/'q' (and 'L'/'Q') are the same int64 (uint64) loops on
// this platform and repeated signatures collapse, keeping the first occurrence.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cnumpy/core.h"
#include "cnumpy/print.h"
#include "cnumpy/ufunc.h"
#include "core/loop_registry.hpp"
#include "ufunc/ufunc.hpp"

using namespace cnp::ufunc;

namespace {

struct Entry {
  int nin = 0, nout = 0;
  std::vector<std::string> sigs;  // "dd->d", deduplicated, l/q and L/Q folded to l and L
};

std::map<std::string, Entry> read_numpy_tables() {
  std::ifstream f(CNUMPY_TEST_DATA_DIR "/ufunc_types_numpy124.txt");
  REQUIRE(f.good());
  std::map<std::string, Entry> out;
  std::string line;
  while (std::getline(f, line)) {
    std::istringstream in(line);
    std::string name, identity, sig;
    Entry e;
    if (!(in >> name >> e.nin >> e.nout >> identity)) continue;
    std::set<std::string> seen;
    while (in >> sig) {
      for (char& c : sig) {
        if (c == 'q') c = 'l';
        if (c == 'Q') c = 'L';
      }
      if (seen.insert(sig).second) e.sigs.push_back(sig);
    }
    out[name] = e;
  }
  return out;
}

char type_char(int t) {
  static const char chars[] = "?bBhHiIlLefdFD";
  return t >= 0 && t < 14 ? chars[t] : '!';
}

std::string signature(const Loop& l, int nin, int nout) {
  std::string s;
  for (int k = 0; k < nin; ++k) s += type_char(l.types[k]);
  s += "->";
  for (int k = 0; k < nout; ++k) s += type_char(l.types[nin + k]);
  return s;
}

}  // namespace

TEST_CASE("every ufunc's loops are NumPy 1.24's, in NumPy's order", "[ufunc][tables]") {
  const auto numpy = read_numpy_tables();
  REQUIRE(numpy.size() > 80);
  int checked = 0;
  for (int i = 0; i < kCount; ++i) {
    const Ufunc& u = get(static_cast<Id>(i));
    INFO("ufunc " << u.name);
    const auto it = numpy.find(u.name);
    REQUIRE(it != numpy.end());
    CHECK(u.nin == it->second.nin);
    CHECK(u.nout == it->second.nout);
    if (u.loops.empty()) continue;  // not implemented yet (another kernel file)
    std::vector<std::string> ours;
    for (const Loop& l : u.loops) {
      ours.push_back(signature(l, u.nin, u.nout));
      for (int k = u.nin + u.nout; k < kMaxArgs; ++k) CHECK(l.types[k] == -1);
      CHECK(l.fn != nullptr);
    }
    CHECK(ours == it->second.sigs);
    CHECK(u.cost >= 1);
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("the arithmetic, comparison and bitwise ufuncs all have loops", "[ufunc][tables]") {
  const Id ids[] = {Id::add, Id::subtract, Id::multiply, Id::divide, Id::floor_divide, Id::remainder,
                    Id::fmod, Id::divmod, Id::power, Id::float_power, Id::negative, Id::positive,
                    Id::absolute, Id::fabs, Id::sign, Id::reciprocal, Id::square, Id::conjugate,
                    Id::clip, Id::maximum, Id::minimum, Id::fmax, Id::fmin, Id::equal, Id::not_equal,
                    Id::less, Id::less_equal, Id::greater, Id::greater_equal, Id::logical_and,
                    Id::logical_or, Id::logical_xor, Id::logical_not, Id::isnan, Id::isinf,
                    Id::isfinite, Id::bitwise_and, Id::bitwise_or, Id::bitwise_xor, Id::invert,
                    Id::left_shift, Id::right_shift, Id::gcd, Id::lcm};
  for (Id id : ids) {
    INFO("ufunc " << get(id).name);
    CHECK(!get(id).loops.empty());
  }
  CHECK(get(Id::divide).resolver == Resolver::TrueDivide);
  CHECK(get(Id::subtract).resolver == Resolver::Subtract);
  CHECK(get(Id::negative).resolver == Resolver::Negative);
  CHECK(get(Id::add).resolver == Resolver::Default);
  for (Id id : {Id::positive, Id::sign, Id::gcd, Id::lcm}) CHECK(get(id).resolver == Resolver::Uniform);
}

TEST_CASE("cnp_ufunc_info_at lists the declared ufuncs, then the aliases", "[ufunc][tables]") {
  const int32_t n = cnp_ufunc_count();
  REQUIRE(n == kPublicCount + kAliasCount);
  std::set<std::string> names;
  for (int32_t i = 0; i < n; ++i) {
    cnp_ufunc_info info{};
    REQUIRE(cnp_ufunc_info_at(i, &info) == CNP_OK);
    INFO("entry " << i << " " << info.name);
    CHECK(names.insert(info.name).second);
    CHECK(std::string(info.summary).size() > 0);
    CHECK((info.alias_of != nullptr) == (i >= kPublicCount));
    const Ufunc& u = get(info.alias_of ? kAliases[i - kPublicCount].id : static_cast<Id>(i));
    CHECK(info.nin == u.nin);
    CHECK(info.nout == u.nout);
    CHECK(info.has_identity == (u.identity != Identity::none && u.identity != Identity::reorderable));
  }
  CHECK(names.count("clip") == 0);  // umath-only: behind np.clip
  cnp_ufunc_info info{};
  REQUIRE(cnp_ufunc_info_at(0, &info) == CNP_OK);
  CHECK(std::string(info.name) == "add");
  CHECK((info.identity.typenum == CNP_INT64 && info.identity.value.i == 0));
  CHECK(cnp_ufunc_info_at(n, &info) == CNP_ERR_INDEX);
  CHECK(std::string(cnp_last_error()) == "ufunc index out of range");
  CHECK(cnp_ufunc_info_at(-1, &info) == CNP_ERR_INDEX);
  CHECK(cnp_ufunc_info_at(0, nullptr) == CNP_ERR_INVALID_HANDLE);
}

TEST_CASE("cnp_ufunc_types_at spells every loop as NumPy's ufunc.types does", "[ufunc][tables]") {
  const int32_t n = cnp_ufunc_count();
  for (int32_t i = 0; i < n; ++i) {
    char* text = nullptr;
    REQUIRE(cnp_ufunc_types_at(i, &text) == CNP_OK);
    cnp_ufunc_info info{};
    REQUIRE(cnp_ufunc_info_at(i, &info) == CNP_OK);
    const Ufunc& u = get(info.alias_of ? kAliases[i - kPublicCount].id : static_cast<Id>(i));
    std::istringstream words{std::string(text)};
    std::string word;
    size_t count = 0;
    while (words >> word) {
      INFO(info.name << " " << word);
      CHECK(word.size() == static_cast<size_t>(u.nin + u.nout + 2));
      CHECK(word.substr(static_cast<size_t>(u.nin), 2) == "->");
      ++count;
    }
    // then the loop-registry methods that list themselves (isnat's M->? and m->?)
    size_t listed = 0;
    for (const cnp::Method& m : cnp::loop_registry().methods(static_cast<int32_t>(
             info.alias_of ? kAliases[i - kPublicCount].id : static_cast<Id>(i))))
      listed += m.types != nullptr;
    CHECK(count == u.loops.size() + listed);
    cnp_string_free(text);
  }
  char* text = nullptr;
  REQUIRE(cnp_ufunc_types_at(0, &text) == CNP_OK);  // add
  CHECK(std::string(text).rfind("??->? bb->b BB->B", 0) == 0);
  cnp_string_free(text);
  CHECK(cnp_ufunc_types_at(n, &text) == CNP_ERR_INDEX);
  CHECK(std::string(cnp_last_error()) == "ufunc index out of range");
  CHECK(cnp_ufunc_types_at(-1, &text) == CNP_ERR_INDEX);
  CHECK(cnp_ufunc_types_at(0, nullptr) == CNP_ERR_INVALID_HANDLE);
}
