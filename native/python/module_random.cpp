// The random module: CPython's Mersenne Twister (init_by_array seeding) and
// its algorithms for random, getrandbits, randrange, randint, choice,
// shuffle, sample, choices, uniform, gauss, normalvariate, expovariate — so
// seeded programs print the same numbers as CPython.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

class MersenneTwister {
 public:
  static constexpr int N = 624;
  static constexpr int M = 397;

  void init_genrand(std::uint32_t s) {
    mt_[0] = s;
    for (mti_ = 1; mti_ < N; ++mti_)
      mt_[mti_] = 1812433253u * (mt_[mti_ - 1] ^ (mt_[mti_ - 1] >> 30)) + static_cast<std::uint32_t>(mti_);
  }

  void init_by_array(const std::vector<std::uint32_t>& key) {
    init_genrand(19650218u);
    int i = 1;
    std::size_t j = 0;
    std::size_t k = std::max<std::size_t>(N, key.size());
    for (; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<std::uint32_t>(j);
      ++i;
      ++j;
      if (i >= N) {
        mt_[0] = mt_[N - 1];
        i = 1;
      }
      if (j >= key.size()) j = 0;
    }
    for (k = N - 1; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
      ++i;
      if (i >= N) {
        mt_[0] = mt_[N - 1];
        i = 1;
      }
    }
    mt_[0] = 0x80000000u;
  }

  std::uint32_t next() {
    static const std::uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    std::uint32_t y;
    if (mti_ >= N) {
      int kk;
      for (kk = 0; kk < N - M; ++kk) {
        y = (mt_[kk] & 0x80000000u) | (mt_[kk + 1] & 0x7fffffffu);
        mt_[kk] = mt_[kk + M] ^ (y >> 1) ^ mag01[y & 1u];
      }
      for (; kk < N - 1; ++kk) {
        y = (mt_[kk] & 0x80000000u) | (mt_[kk + 1] & 0x7fffffffu);
        mt_[kk] = mt_[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1u];
      }
      y = (mt_[N - 1] & 0x80000000u) | (mt_[0] & 0x7fffffffu);
      mt_[N - 1] = mt_[M - 1] ^ (y >> 1) ^ mag01[y & 1u];
      mti_ = 0;
    }
    y = mt_[mti_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
  }

  double random() {
    std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // getrandbits(k) for 0 <= k <= 64.
  std::uint64_t bits(int k) {
    if (k == 0) return 0;
    if (k <= 32) return next() >> (32 - k);
    std::uint64_t lo = next();
    std::uint64_t hi = next() >> (64 - k);
    return lo | (hi << 32);
  }

  // Uniform in [0, n) by rejection, as Random._randbelow_with_getrandbits.
  std::uint64_t below(std::uint64_t n) {
    int k = 0;
    for (std::uint64_t v = n; v; v >>= 1) ++k;
    std::uint64_t r = bits(k);
    while (r >= n) r = bits(k);
    return r;
  }

  double gauss_next = 0;
  bool has_gauss_next = false;

 private:
  std::uint32_t mt_[N];
  int mti_ = N + 1;
};

using State = std::shared_ptr<MersenneTwister>;

void seed_from_int(MersenneTwister& mt, std::int64_t v) {
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::vector<std::uint32_t> key;
  while (mag) {
    key.push_back(static_cast<std::uint32_t>(mag & 0xffffffffu));
    mag >>= 32;
  }
  if (key.empty()) key.push_back(0);
  mt.init_by_array(key);
  mt.has_gauss_next = false;
}

void seed_from_time(MersenneTwister& mt) {
  auto now = std::chrono::high_resolution_clock::now().time_since_epoch().count();
  auto v = static_cast<std::uint64_t>(now);
  mt.init_by_array({static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32), 0x5eed5eedu});
  mt.has_gauss_next = false;
}

void add_fn(Module& m, const char* name, NativeFn fn) {
  Ref<NativeFunction> f = make_native(name, std::move(fn));
  m.dict->set_str(name, f.get());
}

double real_arg(Object* o) {
  double d;
  if (!to_double(o, d)) raise_type_error("must be real number, not " + type_name(o));
  return d;
}

std::int64_t index_arg(Vm& vm, Object* o) {
  if (is_float(o)) {
    double d = float_value(o);
    if (std::floor(d) != d) raise_value_error("non-integer arg 1 for randrange()");
    return static_cast<std::int64_t>(d);
  }
  return index_value(vm, o);
}

std::int64_t randrange(MersenneTwister& mt, std::int64_t start, const std::int64_t* stop, std::int64_t step) {
  if (!stop) {
    if (start > 0) return static_cast<std::int64_t>(mt.below(static_cast<std::uint64_t>(start)));
    raise_value_error("empty range for randrange()");
  }
  std::int64_t width = checked_sub(*stop, start);
  if (step == 1) {
    if (width > 0) return start + static_cast<std::int64_t>(mt.below(static_cast<std::uint64_t>(width)));
    raise_value_error("empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(*stop) + ", " +
                      std::to_string(width) + ")");
  }
  std::int64_t n;
  if (step > 0) n = floor_div(width + step - 1, step);
  else if (step < 0) n = floor_div(width + step + 1, step);
  else raise_value_error("zero step for randrange()");
  if (n <= 0) raise_value_error("empty range for randrange()");
  return start + step * static_cast<std::int64_t>(mt.below(static_cast<std::uint64_t>(n)));
}

}  // namespace

void init_random_module(Vm&, Module& m) {
  State st = std::make_shared<MersenneTwister>();
  seed_from_time(*st);

  add_fn(m, "seed", [st](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "seed", {"a", "version"}, 0, out);
    Object* x = out[0];
    if (!x || is_none(x)) {
      seed_from_time(*st);
    } else if (is_int(x)) {
      seed_from_int(*st, int_value(x));
    } else if (is_float(x)) {
      seed_from_int(*st, hash(vm, x));
    } else if (is_str(x)) {
      // CPython hashes str seeds with SHA-512; this runtime uses a
      // deterministic digest of its own, so the numbers differ from CPython.
      std::vector<std::uint32_t> key;
      for (unsigned char c : str_value(x)) key.push_back(c);
      if (key.empty()) key.push_back(0);
      st->init_by_array(key);
      st->has_gauss_next = false;
    } else {
      raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    return ObjRef(none());
  });
  add_fn(m, "random", [st](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "random", 0, 0);
    return make_float(st->random());
  });
  add_fn(m, "getrandbits", [st](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "getrandbits", 1, 1);
    std::int64_t k = index_value(vm, a[0]);
    if (k < 0) raise_value_error("number of bits must be non-negative");
    if (k > 63) raise_int_overflow();
    return make_int(static_cast<std::int64_t>(st->bits(static_cast<int>(k))));
  });
  add_fn(m, "randrange", [st](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "randrange", {"start", "stop", "step"}, 1, out);
    std::int64_t start = index_arg(vm, out[0]);
    std::int64_t step = out[2] ? index_arg(vm, out[2]) : 1;
    if (!out[1] || is_none(out[1])) return make_int(randrange(*st, start, nullptr, step));
    std::int64_t stop = index_arg(vm, out[1]);
    return make_int(randrange(*st, start, &stop, step));
  });
  add_fn(m, "randint", [st](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "randint", {"a", "b"}, 2, out);
    std::int64_t lo = index_arg(vm, out[0]);
    std::int64_t hi = checked_add(index_arg(vm, out[1]), 1);
    return make_int(randrange(*st, lo, &hi, 1));
  });
  add_fn(m, "choice", [st](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "choice", 1, 1);
    std::int64_t n = length(vm, a[0]);
    if (n == 0) raise_index_error("Cannot choose from an empty sequence");
    ObjRef i = make_int(static_cast<std::int64_t>(st->below(static_cast<std::uint64_t>(n))));
    return getitem(vm, a[0], i.get());
  });
  add_fn(m, "shuffle", [st](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "shuffle", 1, 1);
    Object* x = a[0];
    if (is_list(x)) {
      auto& items = static_cast<List*>(x)->items;
      for (std::size_t i = items.size(); i-- > 1;) {
        std::size_t j = static_cast<std::size_t>(st->below(i + 1));
        std::swap(items[i], items[j]);
      }
      return ObjRef(none());
    }
    std::int64_t n = length(vm, x);
    for (std::int64_t i = n - 1; i > 0; --i) {
      ObjRef ii = make_int(i);
      ObjRef jj = make_int(static_cast<std::int64_t>(st->below(static_cast<std::uint64_t>(i + 1))));
      ObjRef xi = getitem(vm, x, ii.get());
      ObjRef xj = getitem(vm, x, jj.get());
      setitem(vm, x, ii.get(), xj.get());
      setitem(vm, x, jj.get(), xi.get());
    }
    return ObjRef(none());
  });
  add_fn(m, "sample", [st](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "sample", {"population", "k", "counts"}, 2, out);
    if (is_set(out[0]) || is_dict(out[0]))
      raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    std::vector<ObjRef> pop = to_vector(vm, out[0]);
    auto n = static_cast<std::int64_t>(pop.size());
    std::int64_t k = index_value(vm, out[1]);
    if (k < 0 || k > n) raise_value_error("Sample larger than population or is negative");
    std::vector<ObjRef> result(static_cast<std::size_t>(k));
    std::int64_t setsize = 21;
    if (k > 5) setsize += static_cast<std::int64_t>(std::pow(4.0, std::ceil(std::log(k * 3.0) / std::log(4.0))));
    if (n <= setsize) {
      std::vector<ObjRef> pool = pop;
      for (std::int64_t i = 0; i < k; ++i) {
        auto j = static_cast<std::size_t>(st->below(static_cast<std::uint64_t>(n - i)));
        result[static_cast<std::size_t>(i)] = pool[j];
        pool[j] = pool[static_cast<std::size_t>(n - i - 1)];
      }
    } else {
      std::vector<std::uint64_t> selected;
      for (std::int64_t i = 0; i < k; ++i) {
        std::uint64_t j = st->below(static_cast<std::uint64_t>(n));
        while (std::find(selected.begin(), selected.end(), j) != selected.end()) j = st->below(static_cast<std::uint64_t>(n));
        selected.push_back(j);
        result[static_cast<std::size_t>(i)] = pop[static_cast<std::size_t>(j)];
      }
    }
    return make_list(std::move(result));
  });
  add_fn(m, "choices", [st](Vm& vm, const Args& a) -> ObjRef {
    Object* out[4];
    parse_args(a, "choices", {"population", "weights", "cum_weights", "k"}, 1, out);
    std::vector<ObjRef> pop = to_vector(vm, out[0]);
    std::int64_t k = out[3] ? index_value(vm, out[3]) : 1;
    auto n = static_cast<double>(pop.size());
    std::vector<ObjRef> result;
    Object* weights = out[1] && !is_none(out[1]) ? out[1] : nullptr;
    Object* cum = out[2] && !is_none(out[2]) ? out[2] : nullptr;
    if (!cum && !weights) {
      if (pop.empty()) raise_index_error("list index out of range");
      for (std::int64_t i = 0; i < k; ++i)
        result.push_back(pop[static_cast<std::size_t>(std::floor(st->random() * n))]);
      return make_list(std::move(result));
    }
    if (cum && weights) raise_type_error("Cannot specify both weights and cumulative weights");
    std::vector<double> cw;
    if (weights) {
      double acc = 0;
      bool first = true;
      for (const ObjRef& w : to_vector(vm, weights)) {
        acc = first ? real_arg(w.get()) : acc + real_arg(w.get());
        first = false;
        cw.push_back(acc);
      }
    } else {
      for (const ObjRef& w : to_vector(vm, cum)) cw.push_back(real_arg(w.get()));
    }
    if (cw.size() != pop.size()) raise_value_error("The number of weights does not match the population");
    double total = cw.empty() ? 0.0 : cw.back();
    if (total <= 0.0) raise_value_error("Total of weights must be greater than zero");
    if (!std::isfinite(total)) raise_value_error("Total of weights must be finite");
    std::size_t hi = pop.size() - 1;
    for (std::int64_t i = 0; i < k; ++i) {
      double x = st->random() * total;
      std::size_t idx = static_cast<std::size_t>(std::upper_bound(cw.begin(), cw.begin() + static_cast<std::ptrdiff_t>(hi), x) - cw.begin());
      result.push_back(pop[idx]);
    }
    return make_list(std::move(result));
  });
  add_fn(m, "uniform", [st](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "uniform", 2, 2);
    double lo = real_arg(a[0]), hi = real_arg(a[1]);
    return make_float(lo + (hi - lo) * st->random());
  });
  add_fn(m, "gauss", [st](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "gauss", {"mu", "sigma"}, 0, out);
    double mu = out[0] ? real_arg(out[0]) : 0.0, sigma = out[1] ? real_arg(out[1]) : 1.0;
    double z;
    if (st->has_gauss_next) {
      z = st->gauss_next;
      st->has_gauss_next = false;
    } else {
      double x2pi = st->random() * (2.0 * M_PI);
      double g2rad = std::sqrt(-2.0 * std::log(1.0 - st->random()));
      z = std::cos(x2pi) * g2rad;
      st->gauss_next = std::sin(x2pi) * g2rad;
      st->has_gauss_next = true;
    }
    return make_float(mu + z * sigma);
  });
  add_fn(m, "normalvariate", [st](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "normalvariate", {"mu", "sigma"}, 0, out);
    double mu = out[0] ? real_arg(out[0]) : 0.0, sigma = out[1] ? real_arg(out[1]) : 1.0;
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
      double u1 = st->random();
      double u2 = 1.0 - st->random();
      z = magic * (u1 - 0.5) / u2;
      double zz = z * z / 4.0;
      if (zz <= -std::log(u2)) break;
    }
    return make_float(mu + z * sigma);
  });
  add_fn(m, "expovariate", [st](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "expovariate", 1, 1);
    double lambd = real_arg(a[0]);
    if (lambd == 0.0) raise_zero_division("float division by zero");
    return make_float(-std::log(1.0 - st->random()) / lambd);
  });
}

}  // namespace lesson::python
