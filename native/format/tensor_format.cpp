// Follows torch/_tensor_str.py (PyTorch 1.13) function by function; the
// Python names are given where a piece corresponds to one.
#include "format/tensor_format.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/python_float.hpp"

namespace lesson::format {
namespace {

using tensor::DType;

std::int64_t numel_of(const std::vector<std::int64_t>& shape) {
  std::int64_t n = 1;
  for (const std::int64_t s : shape) {
    if (s < 0) throw std::invalid_argument("format_tensor: negative dimension in shape");
    n *= s;
  }
  return n;
}

// A half-open run of indices along one dimension.
struct Range {
  std::int64_t begin;
  std::int64_t end;
};

// Python's bound for a slice stop or start: negative counts from the end.
std::int64_t slice_bound(std::int64_t i, std::int64_t n) {
  if (i < 0) return std::max<std::int64_t>(i + n, 0);
  return std::min(i, n);
}

// The two kept runs of a summarized dimension of size n. A vector takes
// self[:edgeitems] and self[-edgeitems:] (so edgeitems == 0 keeps everything
// after the "..."); higher dimensions take range(0, edgeitems) and
// range(n - edgeitems, n).
std::vector<Range> summarized_runs(std::int64_t n, std::int64_t edgeitems, bool is_vector) {
  if (is_vector) {
    return {{0, slice_bound(edgeitems, n)}, {slice_bound(-edgeitems, n), n}};
  }
  if (edgeitems <= 0) return {{0, 0}, {n, n}};
  return {{0, edgeitems}, {n - edgeitems, n}};
}

std::string int_text(DType dtype, std::int64_t v) {
  if (dtype == DType::Bool) return v != 0 ? "True" : "False";
  return std::to_string(v);
}

// One tensor being printed: its data, strides and the options in force.
struct View {
  const TensorData& data;
  const PrintOptions& options;
  std::vector<std::int64_t> strides;
  bool summarize;

  std::int64_t dims() const { return static_cast<std::int64_t>(data.shape.size()); }
  bool summarizes(std::int64_t dim) const {
    return summarize && data.shape[static_cast<std::size_t>(dim)] > 2 * options.edgeitems;
  }
};

// The flat indices of get_summarized_data(self) (all of them when not
// summarizing): what the formatter measures.
void collect_sample(const View& v, std::int64_t dim, std::int64_t offset,
                    std::vector<std::int64_t>& out) {
  if (v.dims() == 0) {
    out.push_back(0);
    return;
  }
  const std::int64_t n = v.data.shape[static_cast<std::size_t>(dim)];
  const std::int64_t stride = v.strides[static_cast<std::size_t>(dim)];
  const bool is_vector = dim == v.dims() - 1;
  std::vector<Range> runs{{0, n}};
  if (v.summarizes(dim)) {
    runs = summarized_runs(n, v.options.edgeitems, is_vector);
    if (!is_vector && runs[0].begin == runs[0].end && runs[1].begin == runs[1].end) {
      throw std::runtime_error("stack expects a non-empty TensorList");
    }
  }
  for (const Range& r : runs) {
    for (std::int64_t i = r.begin; i < r.end; ++i) {
      if (is_vector) {
        out.push_back(offset + i * stride);
      } else {
        collect_sample(v, dim + 1, offset + i * stride, out);
      }
    }
  }
}

// _Formatter: picks integer, fixed or scientific notation and one width for
// every element, from the (summarized) elements.
class Formatter {
 public:
  Formatter(const View& v, const std::vector<std::int64_t>& sample)
      : data_(v.data), precision_(v.options.precision) {
    floating_ = data_.dtype == DType::Float32;
    if (!floating_) {
      for (const std::int64_t i : sample) {
        max_width_ = std::max(max_width_, text_length(int_text(data_.dtype, ints_at(i))));
      }
      return;
    }
    std::vector<double> nonzero_finite;
    for (const std::int64_t i : sample) {
      const double x = data_.floats[static_cast<std::size_t>(i)];
      if (std::isfinite(x) && x != 0.0) nonzero_finite.push_back(x);
    }
    // No number to measure: PyTorch returns before even applying a forced
    // sci_mode, so all-zero or all-nonfinite tensors print in integer mode.
    if (nonzero_finite.empty()) return;

    double min_abs = std::fabs(nonzero_finite[0]);
    double max_abs = min_abs;
    for (const double x : nonzero_finite) {
      min_abs = std::min(min_abs, std::fabs(x));
      max_abs = std::max(max_abs, std::fabs(x));
      if (x != std::ceil(x)) int_mode_ = false;
    }
    const bool wide_range = max_abs / min_abs > 1000.0 || max_abs > 1.0e8;
    if (int_mode_) {
      // Integer-valued floats print as "3." (the dot shows the dtype), one
      // character more than '{:.0f}'.
      if (wide_range) {
        sci_mode_ = true;
        measure(nonzero_finite, [&](double x) { return format_python_scientific(x, precision_); });
      } else {
        for (const double x : nonzero_finite) {
          max_width_ = std::max(max_width_, text_length(format_python_fixed(x, 0)) + 1);
        }
      }
    } else if (wide_range || min_abs < 1.0e-4) {
      sci_mode_ = true;
      measure(nonzero_finite, [&](double x) { return format_python_scientific(x, precision_); });
    } else {
      measure(nonzero_finite, [&](double x) { return format_python_fixed(x, precision_); });
    }
    // The width stays the one measured for the automatic choice.
    if (v.options.sci_mode) sci_mode_ = *v.options.sci_mode;
  }

  std::int64_t width() const { return max_width_; }

  // _Formatter.format for the element at a flat index.
  std::string format(std::int64_t index) const {
    std::string text;
    if (floating_) {
      const double x = data_.floats[static_cast<std::size_t>(index)];
      if (sci_mode_) {
        text = format_python_scientific(x, precision_);
      } else if (int_mode_) {
        text = format_python_fixed(x, 0);
        if (std::isfinite(x)) text += '.';
      } else {
        text = format_python_fixed(x, precision_);
      }
    } else {
      text = int_text(data_.dtype, ints_at(index));
    }
    const std::int64_t pad = max_width_ - text_length(text);
    if (pad > 0) text.insert(0, static_cast<std::size_t>(pad), ' ');
    return text;
  }

 private:
  static std::int64_t text_length(const std::string& s) { return static_cast<std::int64_t>(s.size()); }
  std::int64_t ints_at(std::int64_t i) const { return data_.ints[static_cast<std::size_t>(i)]; }

  template <class Text>
  void measure(const std::vector<double>& values, Text text) {
    for (const double x : values) max_width_ = std::max(max_width_, text_length(text(x)));
  }

  const TensorData& data_;
  int precision_;
  bool floating_ = false;
  bool int_mode_ = true;
  bool sci_mode_ = false;
  std::int64_t max_width_ = 1;
};

// floor(a / b) for b > 0, as Python's math.floor(a / b) on these sizes.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

// _vector_str: one row, wrapped so each line holds as many elements as fit.
std::string vector_str(const View& v, const Formatter& f, std::int64_t offset, std::int64_t indent) {
  const std::int64_t dim = v.dims() - 1;
  const std::int64_t n = v.data.shape[static_cast<std::size_t>(dim)];
  const std::int64_t stride = v.strides[static_cast<std::size_t>(dim)];
  const std::int64_t element_length = f.width() + 2;
  const std::int64_t per_line =
      std::max<std::int64_t>(1, floor_div(v.options.linewidth - indent, element_length));

  std::vector<std::string> data;
  auto add_run = [&](Range r) {
    for (std::int64_t i = r.begin; i < r.end; ++i) data.push_back(f.format(offset + i * stride));
  };
  if (v.summarizes(dim)) {
    const std::vector<Range> runs = summarized_runs(n, v.options.edgeitems, true);
    add_run(runs[0]);
    data.push_back(" ...");
    add_run(runs[1]);
  } else {
    add_run({0, n});
  }

  const std::string line_break = ",\n" + std::string(static_cast<std::size_t>(indent + 1), ' ');
  // Clamped first: a huge line width must not wrap around size_t in wasm32.
  const auto per = static_cast<std::size_t>(std::min<std::int64_t>(per_line, static_cast<std::int64_t>(data.size())));
  std::string out = "[";
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (i > 0) out += i % per == 0 ? line_break : std::string(", ");
    out += data[i];
  }
  return out + "]";
}

// _tensor_str_with_formatter: nested brackets, with dim - 1 blank-line
// separators between the blocks of a dim-dimensional (sub)tensor.
std::string tensor_str_with_formatter(const View& v, const Formatter& f, std::int64_t dim,
                                      std::int64_t offset, std::int64_t indent) {
  if (v.dims() == 0) return f.format(0);
  if (dim == v.dims() - 1) return vector_str(v, f, offset, indent);

  const std::int64_t n = v.data.shape[static_cast<std::size_t>(dim)];
  const std::int64_t stride = v.strides[static_cast<std::size_t>(dim)];
  std::vector<std::string> slices;
  auto add_run = [&](Range r) {
    for (std::int64_t i = r.begin; i < r.end; ++i) {
      slices.push_back(tensor_str_with_formatter(v, f, dim + 1, offset + i * stride, indent + 1));
    }
  };
  if (v.summarizes(dim)) {
    const std::vector<Range> runs = summarized_runs(n, v.options.edgeitems, false);
    add_run(runs[0]);
    slices.push_back("...");
    add_run(runs[1]);
  } else {
    add_run({0, n});
  }
  const std::int64_t sub_dims = v.dims() - dim;
  const std::string separator = "," + std::string(static_cast<std::size_t>(sub_dims - 1), '\n') +
                                std::string(static_cast<std::size_t>(indent + 1), ' ');
  return "[" + join(slices, separator) + "]";
}

// _tensor_str for a tensor with at least one element.
std::string tensor_str(const TensorData& t, const PrintOptions& options, std::int64_t numel,
                       std::int64_t indent) {
  View v{t, options, std::vector<std::int64_t>(t.shape.size()), numel > options.threshold};
  std::int64_t stride = 1;
  for (std::size_t d = t.shape.size(); d-- > 0;) {
    v.strides[d] = stride;
    stride *= t.shape[d];
  }
  std::vector<std::int64_t> sample;
  collect_sample(v, 0, 0, sample);
  const Formatter formatter(v, sample);
  return tensor_str_with_formatter(v, formatter, 0, 0, indent);
}

// str(tuple(shape)): "(0, 3)", "(0,)".
std::string python_tuple(const std::vector<std::int64_t>& shape) {
  std::vector<std::string> parts;
  for (const std::int64_t s : shape) parts.push_back(std::to_string(s));
  return "(" + join(parts, ", ") + (shape.size() == 1 ? ",)" : ")");
}

// _add_suffixes: ", suffix" on the last line while it fits in the line
// width, else on a new line at the indent. PyTorch measures the last line as
// len - rfind("\n") + 1, i.e. two more than its length when there is no
// newline; kept as is.
std::string add_suffixes(const std::string& tensor_text, const std::vector<std::string>& suffixes,
                         std::int64_t indent, std::int64_t linewidth) {
  std::string out = tensor_text;
  const std::size_t newline = tensor_text.rfind('\n');
  const std::int64_t rfind = newline == std::string::npos ? -1 : static_cast<std::int64_t>(newline);
  std::int64_t last_line_len = static_cast<std::int64_t>(tensor_text.size()) - rfind + 1;
  for (const std::string& suffix : suffixes) {
    const std::int64_t suffix_len = static_cast<std::int64_t>(suffix.size());
    if (last_line_len + suffix_len + 2 > linewidth) {
      out += ",\n" + std::string(static_cast<std::size_t>(indent), ' ') + suffix;
      last_line_len = indent + suffix_len;
    } else {
      out += ", " + suffix;
      last_line_len += suffix_len + 2;
    }
  }
  return out + ")";
}

}  // namespace

std::string format_tensor(const TensorData& t, const PrintOptions& options) {
  const std::int64_t numel = numel_of(t.shape);
  const std::size_t have = t.dtype == DType::Float32 ? t.floats.size() : t.ints.size();
  if (static_cast<std::int64_t>(have) != numel) {
    throw std::invalid_argument("format_tensor: " + std::to_string(have) + " elements for shape " +
                                python_tuple(t.shape));
  }
  const std::string prefix = "tensor(";
  const std::int64_t indent = static_cast<std::int64_t>(prefix.size());
  std::vector<std::string> suffixes;
  std::string body;
  if (numel == 0) {
    // The shape is shown unless it is (0,), as NumPy does; the dtype always
    // is unless it is the default float32, since no element can hint at it.
    if (t.shape.size() != 1) suffixes.push_back("size=" + python_tuple(t.shape));
    if (t.dtype != DType::Float32) suffixes.push_back("dtype=" + format_dtype(t.dtype));
    body = "[]";
  } else {
    // float32, int64 and bool are all "default" dtypes: never a dtype suffix.
    body = tensor_str(t, options, numel, indent);
  }
  if (!t.grad_fn.empty()) {
    suffixes.push_back("grad_fn=<" + t.grad_fn + ">");
  } else if (t.requires_grad) {
    suffixes.push_back("requires_grad=True");
  }
  return add_suffixes(prefix + body, suffixes, indent, options.linewidth);
}

std::string format_parameter(const TensorData& t, const PrintOptions& options) {
  return "Parameter containing:\n" + format_tensor(t, options);
}

std::string format_size(const std::vector<std::int64_t>& shape) {
  std::vector<std::string> parts;
  for (const std::int64_t s : shape) parts.push_back(std::to_string(s));
  return "torch.Size([" + join(parts, ", ") + "])";
}

std::string format_dtype(tensor::DType dtype) { return tensor::dtype_name(dtype); }

}  // namespace lesson::format
