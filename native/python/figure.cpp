// Figure data to and from the JSON of PROTOCOL.md section 3.
#include "python/figure.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>

#include "python/format.hpp"

namespace lesson::python {

const char* const kColorCycle[10] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

std::string number_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    if (v == 0) return "0";  // also for -0.0
    return std::to_string(static_cast<std::int64_t>(v));
  }
  return float_repr(v);
}

namespace {

// ---------------------------------------------------------------- writing

class JsonWriter {
 public:
  std::string out;
  void raw(const char* s) { out += s; }
  void key(const char* k) {
    comma();
    fresh_ = true;  // the key's own string() adds no comma
    string(k);
    out += ':';
    fresh_ = true;
  }
  void string(const std::string& s) {
    comma();
    out += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    out += '"';
  }
  void number(double v) {
    comma();
    out += std::isfinite(v) ? number_text(v) : "null";
  }
  void boolean(bool b) {
    comma();
    out += b ? "true" : "false";
  }
  void null() {
    comma();
    out += "null";
  }
  void begin(char c) {
    comma();
    out += c;
    fresh_ = true;
  }
  void end(char c) {
    out += c;
    fresh_ = false;
  }
  void numbers(const std::vector<double>& v) {
    begin('[');
    for (double d : v) number(d);
    end(']');
  }
  void strings(const std::vector<std::string>& v) {
    begin('[');
    for (const std::string& s : v) string(s);
    end(']');
  }
  void range(const std::optional<std::pair<double, double>>& r) {
    if (!r) {
      null();
      return;
    }
    begin('[');
    number(r->first);
    number(r->second);
    end(']');
  }

 private:
  bool fresh_ = true;
  void comma() {
    if (!fresh_) out += ',';
    fresh_ = false;
  }
};

const char* kind_name(SeriesKind k) {
  switch (k) {
    case SeriesKind::Line: return "line";
    case SeriesKind::Scatter: return "scatter";
    case SeriesKind::Bar: return "bar";
    case SeriesKind::Hist: return "hist";
    case SeriesKind::Image: return "image";
  }
  return "line";
}

void write_series(JsonWriter& w, const Series& s) {
  w.begin('{');
  w.key("kind");
  w.string(kind_name(s.kind));
  switch (s.kind) {
    case SeriesKind::Line:
      w.key("x"), w.numbers(s.x);
      w.key("y"), w.numbers(s.y);
      w.key("label"), w.string(s.label);
      w.key("color"), w.string(s.color);
      w.key("linestyle"), w.string(s.linestyle);
      w.key("marker"), w.string(s.marker);
      w.key("linewidth"), w.number(s.linewidth);
      break;
    case SeriesKind::Scatter:
      w.key("x"), w.numbers(s.x);
      w.key("y"), w.numbers(s.y);
      w.key("label"), w.string(s.label);
      w.key("color"), w.string(s.color);
      w.key("size"), w.number(s.size);
      break;
    case SeriesKind::Bar:
      w.key("x");
      if (s.x_labels.empty()) w.numbers(s.x);
      else w.strings(s.x_labels);
      w.key("height"), w.numbers(s.y);
      w.key("width"), w.number(s.width);
      w.key("label"), w.string(s.label);
      w.key("color"), w.string(s.color);
      break;
    case SeriesKind::Hist:
      w.key("edges"), w.numbers(s.edges);
      w.key("counts"), w.numbers(s.counts);
      w.key("label"), w.string(s.label);
      w.key("color"), w.string(s.color);
      break;
    case SeriesKind::Image:
      w.key("rows"), w.number(s.rows);
      w.key("cols"), w.number(s.cols);
      w.key("data"), w.numbers(s.data);
      w.key("vmin"), w.number(s.vmin);
      w.key("vmax"), w.number(s.vmax);
      w.key("cmap"), w.string(s.cmap);
      w.key("colorbar"), w.boolean(s.colorbar);
      break;
  }
  w.end('}');
}

// ---------------------------------------------------------------- reading

struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  const Json* get(const std::string& k) const {
    auto it = fields.find(k);
    return it == fields.end() ? nullptr : &it->second;
  }
};

class JsonReader {
 public:
  explicit JsonReader(const std::string& s) : s_(s) {}
  Json parse() {
    Json v = value();
    skip();
    if (p_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  const std::string& s_;
  std::size_t p_ = 0;
  int depth_ = 0;

  [[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("figure JSON: ") + what + " at offset " + std::to_string(p_));
  }
  void skip() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r')) ++p_;
  }
  bool eat(char c) {
    skip();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail("unexpected character");
  }
  bool word(const char* w) {
    std::size_t n = std::char_traits<char>::length(w);
    if (s_.compare(p_, n, w) == 0) {
      p_ += n;
      return true;
    }
    return false;
  }
  Json value() {
    if (++depth_ > 64) fail("nesting too deep");
    skip();
    if (p_ >= s_.size()) fail("unexpected end");
    Json v;
    char c = s_[p_];
    if (c == '{') {
      ++p_;
      v.kind = Json::Object;
      if (!eat('}')) {
        do {
          skip();
          std::string k = string();
          expect(':');
          v.fields[k] = value();
        } while (eat(','));
        expect('}');
      }
    } else if (c == '[') {
      ++p_;
      v.kind = Json::Array;
      if (!eat(']')) {
        do v.items.push_back(value());
        while (eat(','));
        expect(']');
      }
    } else if (c == '"') {
      v.kind = Json::String;
      v.str = string();
    } else if (word("null")) {
      v.kind = Json::Null;
    } else if (word("true")) {
      v.kind = Json::Bool;
      v.b = true;
    } else if (word("false")) {
      v.kind = Json::Bool;
    } else {
      const char* start = s_.c_str() + p_;
      char* end = nullptr;
      v.num = std::strtod(start, &end);
      if (end == start) fail("bad value");
      p_ += static_cast<std::size_t>(end - start);
      v.kind = Json::Number;
    }
    --depth_;
    return v;
  }
  std::string string() {
    if (p_ >= s_.size() || s_[p_] != '"') fail("expected a string");
    ++p_;
    std::string out;
    while (p_ < s_.size() && s_[p_] != '"') {
      char c = s_[p_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (p_ >= s_.size()) fail("bad escape");
      char e = s_[p_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (p_ + 4 > s_.size()) fail("bad escape");
          unsigned cp = static_cast<unsigned>(std::strtoul(s_.substr(p_, 4).c_str(), nullptr, 16));
          p_ += 4;
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: out += e;
      }
    }
    if (p_ >= s_.size()) fail("unterminated string");
    ++p_;
    return out;
  }
};

double num(const Json* j, double dflt) {
  if (!j) return dflt;
  if (j->kind == Json::Null) return std::nan("");
  if (j->kind != Json::Number) throw std::runtime_error("figure JSON: expected a number");
  return j->num;
}
std::string text(const Json* j) {
  if (!j || j->kind == Json::Null) return "";
  if (j->kind != Json::String) throw std::runtime_error("figure JSON: expected a string");
  return j->str;
}
bool flag(const Json* j) { return j && j->kind == Json::Bool && j->b; }
std::vector<double> nums(const Json* j) {
  std::vector<double> v;
  if (!j) return v;
  for (const Json& e : j->items) v.push_back(num(&e, 0));
  return v;
}
std::optional<std::pair<double, double>> range(const Json* j) {
  if (!j || j->kind != Json::Array || j->items.size() != 2) return std::nullopt;
  return std::make_pair(num(&j->items[0], 0), num(&j->items[1], 1));
}

Series read_series(const Json& j) {
  Series s;
  std::string k = text(j.get("kind"));
  s.label = text(j.get("label"));
  s.color = text(j.get("color"));
  if (k == "line" || k == "scatter") {
    s.kind = k == "line" ? SeriesKind::Line : SeriesKind::Scatter;
    s.x = nums(j.get("x"));
    s.y = nums(j.get("y"));
    s.linestyle = text(j.get("linestyle"));
    s.marker = text(j.get("marker"));
    s.linewidth = num(j.get("linewidth"), 1.5);
    s.size = num(j.get("size"), 36);
  } else if (k == "bar") {
    s.kind = SeriesKind::Bar;
    if (const Json* x = j.get("x"))
      for (const Json& e : x->items) {
        if (e.kind == Json::String) s.x_labels.push_back(e.str);
        else s.x.push_back(num(&e, 0));
      }
    s.y = nums(j.get("height"));
    s.width = num(j.get("width"), 0.8);
  } else if (k == "hist") {
    s.kind = SeriesKind::Hist;
    s.edges = nums(j.get("edges"));
    s.counts = nums(j.get("counts"));
  } else if (k == "image") {
    s.kind = SeriesKind::Image;
    s.rows = static_cast<int>(num(j.get("rows"), 0));
    s.cols = static_cast<int>(num(j.get("cols"), 0));
    s.data = nums(j.get("data"));
    s.vmin = num(j.get("vmin"), 0);
    s.vmax = num(j.get("vmax"), 1);
    s.cmap = text(j.get("cmap"));
    s.colorbar = flag(j.get("colorbar"));
    if (s.rows < 0 || s.cols < 0 || s.data.size() != static_cast<std::size_t>(s.rows) * static_cast<std::size_t>(s.cols))
      throw std::runtime_error("figure JSON: image data does not match rows x cols");
  } else {
    throw std::runtime_error("figure JSON: unknown series kind '" + k + "'");
  }
  return s;
}

}  // namespace

std::string figure_to_json(const FigureData& fig) {
  JsonWriter w;
  w.begin('{');
  w.key("id"), w.number(fig.id);
  w.key("width"), w.number(fig.width);
  w.key("height"), w.number(fig.height);
  w.key("suptitle"), w.string(fig.suptitle);
  w.key("axes");
  w.begin('[');
  for (const AxesData& a : fig.axes) {
    w.begin('{');
    w.key("row"), w.number(a.row);
    w.key("col"), w.number(a.col);
    w.key("nrows"), w.number(a.nrows);
    w.key("ncols"), w.number(a.ncols);
    w.key("title"), w.string(a.title);
    w.key("xlabel"), w.string(a.xlabel);
    w.key("ylabel"), w.string(a.ylabel);
    w.key("xlim"), w.range(a.xlim);
    w.key("ylim"), w.range(a.ylim);
    w.key("grid"), w.boolean(a.grid);
    w.key("legend"), w.boolean(a.legend);
    w.key("series");
    w.begin('[');
    for (const Series& s : a.series) write_series(w, s);
    w.end(']');
    w.end('}');
  }
  w.end(']');
  w.end('}');
  return w.out;
}

FigureData figure_from_json(const std::string& json) {
  Json j = JsonReader(json).parse();
  if (j.kind != Json::Object) throw std::runtime_error("figure JSON: expected an object");
  FigureData f;
  f.id = static_cast<int>(num(j.get("id"), 1));
  f.width = num(j.get("width"), 6.4);
  f.height = num(j.get("height"), 4.8);
  f.suptitle = text(j.get("suptitle"));
  if (const Json* axes = j.get("axes"))
    for (const Json& aj : axes->items) {
      AxesData a;
      a.row = static_cast<int>(num(aj.get("row"), 0));
      a.col = static_cast<int>(num(aj.get("col"), 0));
      a.nrows = static_cast<int>(num(aj.get("nrows"), 1));
      a.ncols = static_cast<int>(num(aj.get("ncols"), 1));
      a.title = text(aj.get("title"));
      a.xlabel = text(aj.get("xlabel"));
      a.ylabel = text(aj.get("ylabel"));
      a.xlim = range(aj.get("xlim"));
      a.ylim = range(aj.get("ylim"));
      a.grid = flag(aj.get("grid"));
      a.legend = flag(aj.get("legend"));
      if (const Json* series = aj.get("series"))
        for (const Json& sj : series->items) a.series.push_back(read_series(sj));
      f.axes.push_back(std::move(a));
    }
  return f;
}

}  // namespace lesson::python
