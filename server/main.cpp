// cnumpy_server: a small HTTP/1.1 service on cnumpy's C API (issue 29, scenario 9 of seed 004).
// Not part of libcnumpy: a program linked like any user of -lcnumpy, on Debian's cpp-httplib.
//
//   GET  /health                      {"status": "ok", "cnumpy": "0.1.0"}
//   POST /stats[?q=1,50,99]           JSON array of numbers, or raw little-endian numbers
//                                     (application/octet-stream, ?dtype=float64|float32) ->
//                                     {"n", "sum", "mean", "std", "min", "max", "percentiles"}
//   POST /fft                         the same inputs -> numpy.fft.fft: JSON {"real", "imag"} for
//                                     JSON, raw complex128 (re, im interleaved) for raw input, a
//                                     .npy of complex128 for a .npy body (application/x-npy)
//   POST /resample?in=44100&out=48000 WAV (16-bit PCM or 32-bit float) -> WAV of the same format;
//                                     raw float32 (?channels=N interleaved) -> raw float32; JSON
//                                     array (mono) -> JSON array
// The request's Content-Type selects the input format, and the response uses the same family.
// `.npy` bodies (application/x-npy, any real dtype and shape, flattened) go through the library's
// .npy reader and writer (cnp_io_load_bytes / cnp_io_save_bytes), not a parser of this program's
// own; /resample answers a .npy body (1-D frames or 2-D frames x channels) with a float32 .npy of
// the same layout.
//
// Every bad input is a 4xx JSON error {"error": "...", "status": N}; the library's errors come
// back with its message. Bodies are limited (--max-body, 16 MiB by default, 413 beyond) and
// validated before anything is allocated for them; reads and writes time out (5 s); requests are
// served by a pool of --threads workers (32 by default; each open keep-alive connection holds
// one); the server binds 127.0.0.1 unless --host says otherwise and stops gracefully on SIGTERM
// or SIGINT (in-flight requests finish). --port 0 picks a free port; the chosen one is printed as
// "listening on HOST:PORT".
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "wav.hpp"

namespace {

// ---- errors -------------------------------------------------------------------------------------
struct HttpError : std::runtime_error {
  int status;
  HttpError(int s, const std::string& m) : std::runtime_error(m), status(s) {}
};
[[noreturn]] void bad(const std::string& m) { throw HttpError(400, m); }

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += char(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      o += buf;
    } else {
      o += char(c);
    }
  }
  return o + "\"";
}

void send_error(httplib::Response& res, int status, const std::string& msg) {
  res.status = status;
  res.set_content("{\"error\": " + json_string(msg) + ", \"status\": " + std::to_string(status) + "}\n",
                  "application/json");
}

// ---- the cnumpy C API with RAII -------------------------------------------------------------------
struct Arr {
  cnp_array* h = nullptr;
  Arr() = default;
  Arr(const Arr&) = delete;
  Arr& operator=(const Arr&) = delete;
  ~Arr() { cnp_array_free(h); }
  cnp_array** out() {
    cnp_array_free(h);
    h = nullptr;
    return &h;
  }
};
struct Dt {
  cnp_dtype* h = nullptr;
  explicit Dt(int32_t typenum) {
    if (cnp_dtype_from_typenum(typenum, &h) != CNP_OK) throw HttpError(500, cnp_last_error());
  }
  ~Dt() { cnp_dtype_free(h); }
};
// A failed library call: bad values are the client's (400), anything else is ours (500).
void check(cnp_status st) {
  if (st == CNP_OK) return;
  int http = (st == CNP_ERR_VALUE || st == CNP_ERR_TYPE || st == CNP_ERR_INDEX || st == CNP_ERR_AXIS) ? 400 : 500;
  throw HttpError(http, cnp_last_error());
}
double scalar(const Arr& a) {  // a 0-d float64 result
  void* p = nullptr;
  check(cnp_array_data(a.h, &p));
  double v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// Contiguous float64/complex128/float32 data of a result (a copy only if it is not C-contiguous).
const void* contiguous(const Arr& a, Arr& holder) {
  int32_t flags = 0;
  check(cnp_array_flags(a.h, &flags));
  const cnp_array* src = a.h;
  if (!(flags & CNP_FLAG_C_CONTIGUOUS)) {
    cnp_dtype* d = nullptr;
    check(cnp_array_dtype(a.h, &d));
    cnp_status st = cnp_astype(a.h, d, CNP_ORDER_C, CNP_CASTING_NO, 1, holder.out());
    cnp_dtype_free(d);
    check(st);
    src = holder.h;
  }
  void* p = nullptr;
  check(cnp_array_data(src, &p));
  return p;
}

// ---- inputs -------------------------------------------------------------------------------------
std::string media_type(const httplib::Request& req) {
  std::string ct = req.get_header_value("Content-Type");
  std::string m = ct.substr(0, ct.find(';'));
  while (!m.empty() && m.back() == ' ') m.pop_back();
  for (char& c : m) c = char(std::tolower(static_cast<unsigned char>(c)));
  return m;
}
bool is_json(const std::string& m) { return m == "application/json"; }
bool is_npy(const std::string& m) { return m == "application/x-npy" || m == "application/npy"; }
bool is_raw(const std::string& m) { return m == "application/octet-stream"; }
bool is_wav(const std::string& m) {
  return m == "audio/wav" || m == "audio/x-wav" || m == "audio/wave" || m == "audio/vnd.wave";
}
[[noreturn]] void unsupported(const std::string& m, const char* accepted) {
  throw HttpError(415, "unsupported Content-Type '" + m + "'; accepted: " + accepted);
}

// A JSON array of numbers (RFC 8259 number syntax, nothing else), strictly.
std::vector<double> parse_json_numbers(const std::string& s) {
  size_t i = 0, n = s.size();
  auto ws = [&] {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  auto fail = [&](const std::string& what) { bad("malformed JSON at byte " + std::to_string(i) + ": " + what); };
  std::vector<double> v;
  ws();
  if (i >= n || s[i] != '[') fail("expected a JSON array of numbers");
  ++i;
  ws();
  if (i < n && s[i] == ']') {
    ++i;
  } else {
    for (;;) {
      ws();
      size_t start = i;
      if (i < n && s[i] == '-') ++i;
      if (i < n && s[i] == '0') {
        ++i;
      } else if (i < n && s[i] >= '1' && s[i] <= '9') {
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      } else {
        fail("expected a number");
      }
      if (i < n && s[i] == '.') {
        ++i;
        if (i >= n || !std::isdigit(static_cast<unsigned char>(s[i]))) fail("expected a digit after '.'");
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      }
      if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || !std::isdigit(static_cast<unsigned char>(s[i]))) fail("expected a digit in the exponent");
        while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      }
      std::string tok = s.substr(start, i - start);
      double x = std::strtod(tok.c_str(), nullptr);  // the C locale: '.' is the decimal point
      if (!std::isfinite(x)) fail("number out of range: " + tok);
      v.push_back(x);
      ws();
      if (i < n && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < n && s[i] == ']') {
        ++i;
        break;
      }
      fail("expected ',' or ']'");
    }
  }
  ws();
  if (i != n) fail("unexpected data after the array");
  return v;
}

// The request's numbers as a 1-D float64 array (the vector keeps the memory the array borrows).
void numbers(const httplib::Request& req, std::vector<double>& keep, Arr& out, bool* raw, bool* npy = nullptr) {
  std::string m = media_type(req);
  Dt f8(CNP_FLOAT64);
  if (npy) *npy = false;
  if (is_npy(m) && npy) {
    // The library's .npy reader (numpy.load's checks and messages), then float64, flattened.
    Arr a, flat, f;
    cnp_status st = cnp_io_load_bytes(req.body.data(), int64_t(req.body.size()), 0, 10000, nullptr, a.out());
    if (st != CNP_OK) bad(std::string("bad .npy body: ") + cnp_last_error());
    check(cnp_ravel(a.h, CNP_ORDER_C, flat.out()));
    st = cnp_astype(flat.h, f8.h, CNP_ORDER_C, CNP_CASTING_SAME_KIND, 1, f.out());
    if (st != CNP_OK) bad(std::string(".npy body: ") + cnp_last_error());
    int64_t n = 0;
    check(cnp_array_size(f.h, &n));
    keep.resize(size_t(n));
    void* p = nullptr;
    check(cnp_array_data(f.h, &p));
    if (n) std::memcpy(keep.data(), p, size_t(n) * 8);
    *raw = false;
    *npy = true;
  } else if (is_json(m)) {
    keep = parse_json_numbers(req.body);
    *raw = false;
  } else if (is_raw(m)) {
    std::string dt = req.has_param("dtype") ? req.get_param_value("dtype") : "float64";
    size_t item = dt == "float64" ? 8 : dt == "float32" ? 4 : 0;
    if (!item) bad("dtype must be float64 or float32, got '" + dt + "'");
    if (req.body.size() % item) bad("body length " + std::to_string(req.body.size()) + " is not a multiple of the " + dt + " itemsize");
    size_t n = req.body.size() / item;
    keep.resize(n);
    if (item == 8) {
      std::memcpy(keep.data(), req.body.data(), n * 8);  // little-endian host (x86-64, AArch64)
    } else {
      for (size_t k = 0; k < n; ++k) {
        float f;
        std::memcpy(&f, req.body.data() + 4 * k, 4);
        keep[k] = f;
      }
    }
    *raw = true;
  } else {
    unsupported(m, npy ? "application/json, application/octet-stream, application/x-npy"
                       : "application/json, application/octet-stream");
  }
  int64_t shape = int64_t(keep.size());
  check(cnp_array_wrap(keep.data(), f8.h, 1, &shape, nullptr, 0, nullptr, nullptr, out.out()));
}

std::string num(double v) {  // JSON has no NaN or infinity: null
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

double param_double(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) bad(std::string("missing query parameter '") + name + "'");
  std::string s = req.get_param_value(name);
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end || errno || !std::isfinite(v)) bad(std::string("query parameter '") + name + "' must be a number, got '" + s + "'");
  return v;
}

// ---- endpoints ----------------------------------------------------------------------------------
void stats(const httplib::Request& req, httplib::Response& res) {
  std::vector<double> keep;
  Arr x;
  bool raw, npy;
  numbers(req, keep, x, &raw, &npy);
  if (keep.empty()) bad("stats of an empty array");
  for (double v : keep)
    if (!std::isfinite(v)) bad("the data contain NaN or infinity");
  std::vector<double> qs = {1, 5, 25, 50, 75, 95, 99};
  if (req.has_param("q")) {
    qs.clear();
    std::string s = req.get_param_value("q");
    size_t at = 0;
    while (at <= s.size()) {
      size_t comma = s.find(',', at);
      std::string t = s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      char* end = nullptr;
      double q = std::strtod(t.c_str(), &end);
      if (t.empty() || *end || !(q >= 0 && q <= 100)) bad("q must be a comma-separated list of numbers in [0, 100], got '" + s + "'");
      qs.push_back(q);
      if (qs.size() > 64) bad("at most 64 percentiles");
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
  Arr sum, mean, sd, lo, hi, qa, pct;
  check(cnp_sum(x.h, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, sum.out()));
  check(cnp_mean(x.h, nullptr, 0, nullptr, nullptr, 0, nullptr, mean.out()));
  check(cnp_std(x.h, nullptr, 0, nullptr, nullptr, 0.0, 0, nullptr, sd.out()));
  check(cnp_min(x.h, nullptr, 0, nullptr, 0, nullptr, nullptr, lo.out()));
  check(cnp_max(x.h, nullptr, 0, nullptr, 0, nullptr, nullptr, hi.out()));
  Dt f8(CNP_FLOAT64);
  int64_t nq = int64_t(qs.size());
  check(cnp_array_wrap(qs.data(), f8.h, 1, &nq, nullptr, 0, nullptr, nullptr, qa.out()));
  check(cnp_percentile(x.h, qa.h, nullptr, 0, "linear", nullptr, 0, pct.out()));
  Arr holder;
  const double* p = static_cast<const double*>(contiguous(pct, holder));
  std::string o = "{\"n\": " + std::to_string(keep.size()) + ", \"sum\": " + num(scalar(sum)) +
                  ", \"mean\": " + num(scalar(mean)) + ", \"std\": " + num(scalar(sd)) + ", \"min\": " +
                  num(scalar(lo)) + ", \"max\": " + num(scalar(hi)) + ", \"percentiles\": {";
  for (size_t k = 0; k < qs.size(); ++k) {
    o += k ? ", \"" : "\"";
    o += num(qs[k]);
    o += "\": ";
    o += num(p[k]);
  }
  res.set_content(o + "}}\n", "application/json");
}

void fft(const httplib::Request& req, httplib::Response& res) {
  std::vector<double> keep;
  Arr x, y, holder;
  bool raw, npy;
  numbers(req, keep, x, &raw, &npy);
  if (keep.empty()) bad("fft of an empty array");  // NumPy: "Invalid number of FFT data points (0)"
  check(cnp_fft_fft(x.h, -1, -1, 0, y.out()));
  if (npy) {
    Arr file;
    check(cnp_io_save_bytes(y.h, 0, nullptr, file.out()));
    void* fp = nullptr;
    int64_t fn = 0;
    check(cnp_array_data(file.h, &fp));
    check(cnp_array_size(file.h, &fn));
    res.set_content(std::string(static_cast<const char*>(fp), size_t(fn)), "application/x-npy");
    return;
  }
  const double* p = static_cast<const double*>(contiguous(y, holder));  // complex128: (re, im) pairs
  size_t n = keep.size();
  if (raw) {
    res.set_header("X-Dtype", "complex128");
    res.set_content(std::string(reinterpret_cast<const char*>(p), n * 16), "application/octet-stream");
    return;
  }
  std::string re = "[", im = "[";
  for (size_t k = 0; k < n; ++k) {
    if (k) re += ", ";
    re += num(p[2 * k]);
    if (k) im += ", ";
    im += num(p[2 * k + 1]);
  }
  res.set_content("{\"real\": " + re + "], \"imag\": " + im + "]}\n", "application/json");
}

void resample(const httplib::Request& req, httplib::Response& res) {
  double in = param_double(req, "in"), out = param_double(req, "out");
  if (!(in >= 1 && in <= 768000 && out >= 1 && out <= 768000)) bad("in and out must be sample rates in [1, 768000] Hz");
  if (out / in > 16) bad("out / in must be at most 16");
  int32_t quality = CNP_AUDIO_HQ;
  if (req.has_param("quality")) {
    std::string q = req.get_param_value("quality");
    if (q == "lq") quality = CNP_AUDIO_LQ;
    else if (q == "mq") quality = CNP_AUDIO_MQ;
    else if (q == "hq") quality = CNP_AUDIO_HQ;
    else if (q == "vhq") quality = CNP_AUDIO_VHQ;
    else bad("quality must be lq, mq, hq or vhq, got '" + q + "'");
  }
  std::string m = media_type(req);
  server::Wav w;
  bool json = false;
  int32_t npy_ndim = 0;  // a .npy body's ndim (1 or 2); 0 for the other formats
  if (is_wav(m)) {
    try {
      w = server::parse_wav(req.body);
    } catch (const server::WavError& e) {
      bad(std::string("bad WAV body: ") + e.what());
    }
    if (std::fabs(in - w.rate) > 1e-9) bad("the WAV file's rate " + std::to_string(w.rate) + " differs from in=" + req.get_param_value("in"));
  } else if (is_raw(m) || is_json(m)) {
    json = is_json(m);
    int64_t ch = 1;
    if (req.has_param("channels")) {
      ch = int64_t(param_double(req, "channels"));
      if (ch < 1 || ch > 16 || json) bad("channels must be in [1, 16] (raw float32 bodies only)");
    }
    if (json) {
      std::vector<double> v = parse_json_numbers(req.body);
      w.samples.assign(v.begin(), v.end());
    } else {
      if (req.has_param("dtype") && req.get_param_value("dtype") != "float32") bad("raw audio must be float32");
      if (req.body.size() % (4 * size_t(ch))) bad("body length is not a whole number of float32 frames");
      w.samples.resize(req.body.size() / 4);
      std::memcpy(w.samples.data(), req.body.data(), req.body.size());
      for (float v : w.samples)
        if (!std::isfinite(v)) bad("the samples contain NaN or infinity");
    }
    w.channels = int32_t(ch);
    w.frames = int64_t(w.samples.size()) / ch;
    w.is_float = true;
  } else if (is_npy(m)) {
    // The library's .npy reader; (frames,) or (frames, channels) of any real dtype, as float32.
    Arr a, f;
    Dt f4(CNP_FLOAT32);
    cnp_status st = cnp_io_load_bytes(req.body.data(), int64_t(req.body.size()), 0, 10000, nullptr, a.out());
    if (st != CNP_OK) bad(std::string("bad .npy body: ") + cnp_last_error());
    check(cnp_array_ndim(a.h, &npy_ndim));
    if (npy_ndim != 1 && npy_ndim != 2) bad("a .npy audio body must be 1-D (frames) or 2-D (frames, channels)");
    const int64_t* as = nullptr;
    check(cnp_array_shape(a.h, &as));
    int64_t ch = npy_ndim == 2 ? as[1] : 1;
    if (ch < 1 || ch > 16) bad("channels must be in [1, 16]");
    st = cnp_astype(a.h, f4.h, CNP_ORDER_C, CNP_CASTING_SAME_KIND, 1, f.out());
    if (st != CNP_OK) bad(std::string(".npy body: ") + cnp_last_error());
    int64_t n = 0;
    check(cnp_array_size(f.h, &n));
    w.samples.resize(size_t(n));
    void* fp = nullptr;
    check(cnp_array_data(f.h, &fp));
    if (n) std::memcpy(w.samples.data(), fp, size_t(n) * 4);
    for (float v : w.samples)
      if (!std::isfinite(v)) bad("the samples contain NaN or infinity");
    w.channels = int32_t(ch);
    w.frames = n / ch;
    w.is_float = true;
  } else {
    unsupported(m, "audio/wav, application/octet-stream (float32), application/json, application/x-npy");
  }
  Dt f4(CNP_FLOAT32);
  Arr x, y, holder;
  int64_t shape[2] = {w.frames, w.channels};
  check(cnp_array_wrap(w.samples.data(), f4.h, 2, shape, nullptr, 0, nullptr, nullptr, x.out()));
  check(cnp_audio_resample(x.h, in, out, quality, 0, y.out()));
  const int64_t* ys = nullptr;
  check(cnp_array_shape(y.h, &ys));
  int64_t frames = ys[0];
  const float* p = static_cast<const float*>(contiguous(y, holder));
  size_t n = size_t(frames) * size_t(w.channels);
  if (is_wav(m)) {
    int32_t rate = int32_t(std::lround(out));
    res.set_content(server::write_wav(p, frames, w.channels, rate, w.is_float), "audio/wav");
  } else if (npy_ndim) {
    // The answer in the request's layout, written by the library's .npy writer.
    Arr r, file;
    int64_t rs[2] = {frames, w.channels};
    check(cnp_array_wrap(const_cast<float*>(p), f4.h, npy_ndim, rs, nullptr, 0, nullptr, nullptr, r.out()));
    check(cnp_io_save_bytes(r.h, 0, nullptr, file.out()));
    void* fp = nullptr;
    int64_t fn = 0;
    check(cnp_array_data(file.h, &fp));
    check(cnp_array_size(file.h, &fn));
    res.set_content(std::string(static_cast<const char*>(fp), size_t(fn)), "application/x-npy");
  } else if (json) {
    std::string o = "[";
    for (size_t k = 0; k < n; ++k) {
      if (k) o += ", ";
      o += num(p[k]);
    }
    res.set_content(o + "]\n", "application/json");
  } else {
    res.set_header("X-Dtype", "float32");
    res.set_content(std::string(reinterpret_cast<const char*>(p), n * 4), "application/octet-stream");
  }
}

// Runs an endpoint: every failure becomes a JSON error; nothing escapes into the server.
httplib::Server::Handler guarded(void (*fn)(const httplib::Request&, httplib::Response&)) {
  return [fn](const httplib::Request& req, httplib::Response& res) {
    try {
      fn(req, res);
    } catch (const HttpError& e) {
      send_error(res, e.status, e.what());
    } catch (const std::bad_alloc&) {
      send_error(res, 503, "out of memory");
    } catch (const std::exception& e) {
      send_error(res, 500, std::string("internal error: ") + e.what());
    }
  };
}

int g_stop_pipe[2] = {-1, -1};
void on_signal(int) {
  int saved = errno;
  ssize_t r = write(g_stop_pipe[1], "x", 1);
  (void)r;
  errno = saved;
}

[[noreturn]] void usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s [--host 127.0.0.1] [--port 8080 (0: any free port)] [--threads N] "
               "[--max-body BYTES]\n",
               argv0);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 8080;
  // cpp-httplib keeps a worker for each open keep-alive connection, so the pool is sized for
  // connections, not cores: more concurrent clients than workers wait in the accept queue.
  long threads = 32;
  long long max_body = 16ll << 20;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) usage(argv[0]);
    std::string v = argv[++i];
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    bool numeric = !v.empty() && !*end;
    if (a == "--host") host = v;
    else if (a == "--port" && numeric && n >= 0 && n < 65536) port = int(n);
    else if (a == "--threads" && numeric && n >= 1 && n <= 256) threads = long(n);
    else if (a == "--max-body" && numeric && n >= 1024 && n <= (1ll << 32)) max_body = n;
    else usage(argv[0]);
  }

  // SIGTERM/SIGINT: the handler only writes a byte to a pipe (async-signal-safe); a thread of its
  // own reads it and stops the server, so stop() never runs inside a signal handler. (Blocking the
  // signals and sigwait() would not do: the BLAS and FFT libraries start threads before main.)
  if (pipe(g_stop_pipe) != 0) {
    std::perror("pipe");
    return 1;
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);

  httplib::Server svr;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
  svr.set_payload_max_length(size_t(max_body));
  svr.set_read_timeout(5, 0);
  svr.set_write_timeout(5, 0);
  svr.set_keep_alive_timeout(5);
  svr.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: with Nagle on, a small response waits for the
  // client's delayed ACK (40 ms on Linux).
  svr.set_tcp_nodelay(true);
  // Statuses the library produces itself (404, 413, 400 for a malformed request, ...) get a JSON body too.
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      const char* why = res.status == 404 ? "no such endpoint"
                        : res.status == 413 ? "request body too large"
                        : res.status == 405 ? "method not allowed"
                                            : "bad request";
      send_error(res, res.status, why);
    }
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal error");
  });
  svr.Get("/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string("{\"status\": \"ok\", \"cnumpy\": \"") + cnp_version_string() + "\"}\n",
                    "application/json");
  });
  svr.Post("/stats", guarded(stats));
  svr.Post("/fft", guarded(fft));
  svr.Post("/resample", guarded(resample));

  if (port == 0) {
    port = svr.bind_to_any_port(host);
    if (port < 0) {
      std::fprintf(stderr, "cannot bind %s\n", host.c_str());
      return 1;
    }
  } else if (!svr.bind_to_port(host, port)) {
    std::fprintf(stderr, "cannot bind %s:%d\n", host.c_str(), port);
    return 1;
  }
  std::printf("listening on %s:%d\n", host.c_str(), port);
  std::fflush(stdout);

  std::thread stopper([&] {
    char c;
    while (read(g_stop_pipe[0], &c, 1) < 0 && errno == EINTR) {
    }
    svr.stop();  // the listener stops accepting; requests in progress finish
  });
  bool ok = svr.listen_after_bind();
  on_signal(0);  // listen ended by itself (an error): wake the stopper so it can be joined
  stopper.join();
  std::printf("stopped\n");
  return ok ? 0 : 1;
}
