// matplotlib and matplotlib.pyplot for the cells: the pyplot state machine
// (current figure and axes), Figure and Axes objects, and the plotting calls
// lessons use. Figures are recorded as plain data (figure.hpp); plt.show()
// and the end of each cell hand them to the host (Vm::figure_sink), which
// draws them — the page as SVG in the DOM, the native CLI as SVG files.
//
// Colours follow matplotlib 3.6: lines take the next colour of their axes'
// line cycle; scatter, bar and hist share a second (patch) cycle.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "python/figure.hpp"
#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_range.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

// ------------------------------------------------------------------ state

namespace {

struct FigureState {
  FigureData data;
  std::vector<int> line_cycle, patch_cycle;  // per axes
  int current_axes = -1;
};

Type figure_type("Figure", &object_type);
Type axes_type("Axes", &object_type);
Type axes_array_type("ndarray", &object_type);
Type array_type("ndarray", &object_type);
Type line2d_type("Line2D", &object_type);
Type path_collection_type("PathCollection", &object_type);
Type bar_container_type("BarContainer", &object_type);
Type axes_image_type("AxesImage", &object_type);
Type colorbar_type("Colorbar", &object_type);

class AxesObj : public Object {
 public:
  AxesObj(std::shared_ptr<FigureState> f, int i) : Object(&axes_type), fig(std::move(f)), index(i) {}
  std::shared_ptr<FigureState> fig;
  int index;
  AxesData& data() { return fig->data.axes[static_cast<std::size_t>(index)]; }
};

class FigureObj : public Object {
 public:
  explicit FigureObj(int number) : Object(&figure_type), st(std::make_shared<FigureState>()) { st->data.id = number; }
  std::shared_ptr<FigureState> st;
  std::vector<Ref<AxesObj>> axes;  // same order as st->data.axes

  AxesObj* add_axes(int row, int col, int nrows, int ncols) {
    AxesData a;
    a.row = row, a.col = col, a.nrows = nrows, a.ncols = ncols;
    st->data.axes.push_back(a);
    st->line_cycle.push_back(0);
    st->patch_cycle.push_back(0);
    st->current_axes = static_cast<int>(axes.size());
    axes.emplace_back(new AxesObj(st, static_cast<int>(axes.size())));
    return axes.back().get();
  }
};

// Axes returned by subplots(): a 1-D or 2-D grid, indexed like numpy.
class AxesArray : public Object {
 public:
  AxesArray(std::vector<Ref<AxesObj>> a, int r, int c, int nd)
      : Object(&axes_array_type), items(std::move(a)), rows(r), cols(c), ndim(nd) {}
  std::vector<Ref<AxesObj>> items;  // row-major
  int rows, cols, ndim;
};

// A 1-D float array (hist's counts and edges), printed like numpy's.
class FloatArray : public Object {
 public:
  explicit FloatArray(std::vector<double> v) : Object(&array_type), values(std::move(v)) {}
  std::vector<double> values;
};

// What a plotting call returns: a handle on one recorded series.
class ArtistObj : public Object {
 public:
  ArtistObj(Type* t, std::shared_ptr<FigureState> f, int ax, int s)
      : Object(t), fig(std::move(f)), axes(ax), series(s) {}
  std::shared_ptr<FigureState> fig;
  int axes, series;
  Series* get() {
    auto& a = fig->data.axes;
    if (axes < 0 || static_cast<std::size_t>(axes) >= a.size()) return nullptr;
    auto& s = a[static_cast<std::size_t>(axes)].series;
    return series >= 0 && static_cast<std::size_t>(series) < s.size() ? &s[static_cast<std::size_t>(series)] : nullptr;
  }
};

}  // namespace

struct PlotState {
  std::vector<Ref<FigureObj>> open;  // in creation order
  Ref<FigureObj> current;
};

namespace {

PlotState& plot_state(Vm& vm) {
  if (!vm.plot_state) vm.plot_state = std::make_shared<PlotState>();
  return *vm.plot_state;
}

Ref<FigureObj> new_figure(Vm& vm, int number = 0) {
  PlotState& ps = plot_state(vm);
  if (number <= 0) {
    number = 1;
    for (const auto& f : ps.open) number = std::max(number, f->st->data.id + 1);
  }
  Ref<FigureObj> f(new FigureObj(number));
  ps.open.push_back(f);
  ps.current = f;
  return f;
}

FigureObj* gcf(Vm& vm) {
  PlotState& ps = plot_state(vm);
  if (!ps.current) new_figure(vm);
  return ps.current.get();
}

AxesObj* gca(Vm& vm) {
  FigureObj* f = gcf(vm);
  if (f->st->current_axes < 0 || f->axes.empty()) return f->add_axes(0, 0, 1, 1);
  return f->axes[static_cast<std::size_t>(f->st->current_axes)].get();
}

void close_figure(PlotState& ps, FigureObj* f) {
  ps.open.erase(std::remove_if(ps.open.begin(), ps.open.end(), [f](const Ref<FigureObj>& g) { return g.get() == f; }),
                ps.open.end());
  if (ps.current.get() == f) ps.current = ps.open.empty() ? Ref<FigureObj>() : ps.open.back();
}

// ---------------------------------------------------------------- arguments

// Keyword arguments of a plotting call. Unknown ones raise matplotlib's
// error; purely cosmetic ones it would accept are ignored.
class Kwargs {
 public:
  Kwargs(const Args& a, std::string artist) : artist_(std::move(artist)) {
    for (std::size_t i = 0; i < a.nkw(); ++i) items_.emplace_back(str_value((*a.kwnames)[i]), a.kwvalues[i].get());
  }
  Object* take(const char* name) {
    for (auto& it : items_)
      if (it.first == name && it.second) {
        Object* v = it.second;
        it.second = nullptr;
        return v;
      }
    return nullptr;
  }
  Object* take_any(std::initializer_list<const char*> names) {
    Object* found = nullptr;
    for (const char* n : names)
      if (Object* v = take(n)) found = found ? found : v;
    return found;
  }
  void finish() {
    static const std::set<std::string> cosmetic = {
        "alpha", "zorder", "edgecolor", "edgecolors", "ec", "linewidths", "antialiased", "aa", "markersize", "ms",
        "markerfacecolor", "mfc", "markeredgecolor", "mec", "markeredgewidth", "mew", "markevery", "fillstyle",
        "solid_capstyle", "solid_joinstyle", "dash_capstyle", "drawstyle", "ds", "rasterized", "clip_on", "fontsize",
        "fontweight", "fontdict", "fontstyle", "family", "pad", "loc", "y", "x", "labelpad", "ha", "va",
        "horizontalalignment", "verticalalignment", "rotation", "interpolation", "aspect", "origin", "extent",
        "filternorm", "resample", "rwidth", "histtype", "align", "orientation", "log", "cumulative", "bottom_", "hatch",
        "fill", "facecolor", "fc", "ncol", "ncols", "frameon", "framealpha", "shadow", "fancybox", "title",
        "bbox_to_anchor", "prop", "markerscale", "which", "axis", "shrink", "pad_", "fraction", "orientation_",
        "marker_", "norm", "dpi", "layout", "constrained_layout", "sharex", "sharey", "squeeze", "subplot_kw",
        "gridspec_kw", "tick_label", "xerr", "yerr", "capsize", "error_kw", "ecolor", "plotnonfinite", "visible",
        "stacked", "data", "emit", "auto", "block", "h_pad", "w_pad", "rect", "facecolors", "num", "clear",
    };
    for (auto& it : items_)
      if (it.second && !cosmetic.count(it.first))
        raise(&t_AttributeError, artist_ + ".set() got an unexpected keyword argument '" + it.first + "'");
  }

 private:
  std::string artist_;
  std::vector<std::pair<std::string, Object*>> items_;
};

Args shift(const Args& a) { return Args{a.pos + 1, a.npos - 1, a.kwvalues, a.kwnames}; }

double number_of(Vm& vm, Object* o, const char* what) {
  double d;
  if (to_double(o, d)) return d;
  if (ObjRef m = lookup_special(vm, o, "__float__")) {
    ObjRef r = vm.call(m.get(), {});
    if (to_double(r.get(), d)) return d;
  }
  raise_type_error(std::string(what) + ": expected a number, got '" + type_name(o) + "'");
}

// list/tuple/range/iterable, or an object with tolist() (a tensor).
std::vector<ObjRef> items_of(Vm& vm, Object* o) {
  if (!is_list(o) && !is_tuple(o) && !is_str(o))
    if (ObjRef tl = getattr_opt(vm, o, intern("tolist"))) {
      ObjRef l = vm.call(tl.get(), {});
      if (is_list(l.get()) || is_tuple(l.get())) return to_vector(vm, l.get());
      return {l};  // a 0-d tensor's tolist() is a number
    }
  double d;
  if (to_double(o, d)) return {ObjRef(o)};
  return to_vector(vm, o);
}

bool is_sequence_like(Vm& vm, Object* o) {
  if (is_list(o) || is_tuple(o) || o->type() == &range_type || o->type() == &array_type) return true;
  return static_cast<bool>(getattr_opt(vm, o, intern("tolist")));
}

std::vector<double> numbers_1d(Vm& vm, Object* o, const char* what) {
  std::vector<double> out;
  if (o->type() == &array_type) return static_cast<FloatArray*>(o)->values;
  for (const ObjRef& v : items_of(vm, o)) {
    if (is_list(v.get()) || is_tuple(v.get()))
      raise_value_error(std::string(what) + ": expected a 1-D sequence of numbers, got a nested sequence");
    out.push_back(number_of(vm, v.get(), what));
  }
  return out;
}

std::vector<std::vector<double>> numbers_2d(Vm& vm, Object* o, const char* what) {
  std::vector<std::vector<double>> rows;
  for (const ObjRef& r : items_of(vm, o)) {
    double d;
    if (to_double(r.get(), d))
      raise(&t_TypeError, std::string("Invalid shape (") + std::to_string(items_of(vm, o).size()) +
                              ",) for image data");
    rows.push_back(numbers_1d(vm, r.get(), what));
  }
  for (const auto& r : rows)
    if (r.size() != rows[0].size()) raise_value_error(std::string(what) + ": rows of the image have different lengths");
  if (rows.empty() || rows[0].empty()) raise(&t_TypeError, "Invalid shape (0,) for image data");
  return rows;
}

std::string text_arg(Vm& vm, Object* o) { return is_str(o) ? str_value(o) : str_string(vm, o); }

// ---------------------------------------------------------------- colours

const std::map<std::string, std::string>& named_colors() {
  static const std::map<std::string, std::string> m = {
      {"b", "#0000ff"},       {"g", "#008000"},         {"r", "#ff0000"},       {"c", "#00bfbf"},
      {"m", "#bf00bf"},       {"y", "#bfbf00"},         {"k", "#000000"},       {"w", "#ffffff"},
      {"blue", "#0000ff"},    {"green", "#008000"},     {"red", "#ff0000"},     {"cyan", "#00ffff"},
      {"magenta", "#ff00ff"}, {"yellow", "#ffff00"},    {"black", "#000000"},   {"white", "#ffffff"},
      {"orange", "#ffa500"},  {"purple", "#800080"},    {"brown", "#a52a2a"},   {"pink", "#ffc0cb"},
      {"gray", "#808080"},    {"grey", "#808080"},      {"olive", "#808000"},   {"navy", "#000080"},
      {"teal", "#008080"},    {"lime", "#00ff00"},      {"gold", "#ffd700"},    {"silver", "#c0c0c0"},
      {"maroon", "#800000"},  {"crimson", "#dc143c"},   {"salmon", "#fa8072"},  {"violet", "#ee82ee"},
      {"indigo", "#4b0082"},  {"turquoise", "#40e0d0"}, {"tomato", "#ff6347"},  {"coral", "#ff7f50"},
      {"skyblue", "#87ceeb"}, {"steelblue", "#4682b4"}, {"darkblue", "#00008b"}, {"darkgreen", "#006400"},
      {"darkred", "#8b0000"}, {"darkorange", "#ff8c00"}, {"lightblue", "#add8e6"}, {"lightgreen", "#90ee90"},
      {"lightgray", "#d3d3d3"}, {"lightgrey", "#d3d3d3"}, {"darkgray", "#a9a9a9"}, {"darkgrey", "#a9a9a9"},
      {"tab:blue", "#1f77b4"}, {"tab:orange", "#ff7f0e"}, {"tab:green", "#2ca02c"}, {"tab:red", "#d62728"},
      {"tab:purple", "#9467bd"}, {"tab:brown", "#8c564b"}, {"tab:pink", "#e377c2"}, {"tab:gray", "#7f7f7f"},
      {"tab:grey", "#7f7f7f"}, {"tab:olive", "#bcbd22"}, {"tab:cyan", "#17becf"},
  };
  return m;
}

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 && s.size() != 4 && s.size() != 9) return false;
  if (s[0] != '#') return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// A colour string matplotlib understands, as "#rrggbb"; "" if it is not one.
std::string color_from_string(const std::string& raw) {
  std::string s;
  for (char ch : raw) s += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (s.size() == 2 && s[0] == 'c' && std::isdigit(static_cast<unsigned char>(s[1]))) return kColorCycle[s[1] - '0'];
  auto it = named_colors().find(s);
  if (it != named_colors().end()) return it->second;
  if (is_hex_color(s)) {
    if (s.size() == 4) return std::string("#") + s[1] + s[1] + s[2] + s[2] + s[3] + s[3];
    return s.substr(0, 7);
  }
  // A grey level: "0.5".
  char* end = nullptr;
  double g = std::strtod(s.c_str(), &end);
  if (!s.empty() && end && *end == 0 && g >= 0 && g <= 1) {
    char buf[8];
    int v = static_cast<int>(std::lround(g * 255));
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", v, v, v);
    return buf;
  }
  return "";
}

std::string color_arg(Vm& vm, Object* o) {
  if (is_str(o)) {
    std::string c = color_from_string(str_value(o));
    if (c.empty()) raise_value_error(repr_string(vm, o) + " is not a valid color value.");
    return c;
  }
  if (is_tuple(o) || is_list(o)) {
    std::vector<ObjRef> v = to_vector(vm, o);
    if (v.size() == 3 || v.size() == 4) {
      char buf[8];
      int c[3];
      for (int i = 0; i < 3; ++i) {
        double d = number_of(vm, v[static_cast<std::size_t>(i)].get(), "color");
        if (d < 0 || d > 1) raise_value_error("RGBA values should be within 0-1 range");
        c[i] = static_cast<int>(std::lround(d * 255));
      }
      std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
      return buf;
    }
  }
  raise_value_error(repr_string(vm, o) + " is not a valid color value.");
}

std::string next_color(std::vector<int>& cycle, int axes) {
  int& i = cycle[static_cast<std::size_t>(axes)];
  return kColorCycle[(i++) % 10];
}

// ---------------------------------------------------------------- format strings

struct LineStyle {
  std::string color, linestyle, marker;
  bool has_linestyle = false, has_marker = false;
};

bool is_marker(char c) { return std::string(".,ov^<>spP*hH+xXDd|_1234").find(c) != std::string::npos; }

LineStyle parse_fmt(const std::string& fmt) {
  LineStyle st;
  // A whole-string colour ("red", "C1", "#ff0000", "0.5") is a colour only.
  if (fmt.size() > 1 && !(fmt.size() == 2 && (fmt == "--" || fmt == "-." ))) {
    std::string c = color_from_string(fmt);
    if (!c.empty() && fmt[0] != '-' && fmt != ":" ) {
      st.color = c;
      return st;
    }
  }
  for (std::size_t i = 0; i < fmt.size();) {
    if (fmt.compare(i, 2, "--") == 0 || fmt.compare(i, 2, "-.") == 0) {
      if (st.has_linestyle) raise_value_error("Illegal format string \"" + fmt + "\"; two linestyle symbols");
      st.linestyle = fmt.substr(i, 2), st.has_linestyle = true, i += 2;
    } else if (fmt[i] == '-' || fmt[i] == ':') {
      if (st.has_linestyle) raise_value_error("Illegal format string \"" + fmt + "\"; two linestyle symbols");
      st.linestyle = std::string(1, fmt[i]), st.has_linestyle = true, ++i;
    } else if (fmt[i] == 'C' && i + 1 < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i + 1]))) {
      if (!st.color.empty()) raise_value_error("Illegal format string \"" + fmt + "\"; two color symbols");
      st.color = kColorCycle[fmt[i + 1] - '0'], i += 2;
    } else if (std::string("bgrcmykw").find(fmt[i]) != std::string::npos) {
      if (!st.color.empty()) raise_value_error("Illegal format string \"" + fmt + "\"; two color symbols");
      st.color = named_colors().at(std::string(1, fmt[i])), ++i;
    } else if (is_marker(fmt[i])) {
      if (st.has_marker) raise_value_error("Illegal format string \"" + fmt + "\"; two marker symbols");
      st.marker = std::string(1, fmt[i]), st.has_marker = true, ++i;
    } else {
      raise_value_error("'" + fmt + "' is not a valid format string (unrecognized character '" +
                        std::string(1, fmt[i]) + "')");
    }
  }
  if (st.has_marker && !st.has_linestyle) st.linestyle = "", st.has_linestyle = true;
  return st;
}

std::string linestyle_arg(Vm& vm, Object* o) {
  if (is_none(o)) return "";
  std::string s = text_arg(vm, o);
  if (s == "solid") return "-";
  if (s == "dashed") return "--";
  if (s == "dotted") return ":";
  if (s == "dashdot") return "-.";
  if (s == "None" || s == "none" || s == " " || s == "") return "";
  if (s == "-" || s == "--" || s == ":" || s == "-.") return s;
  raise_value_error(repr_string(vm, o) +
                    " is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', "
                    "'solid', 'dashed', 'dashdot', 'dotted'");
}

std::string marker_arg(Vm& vm, Object* o) {
  if (is_none(o)) return "";
  std::string s = text_arg(vm, o);
  if (s == "None" || s == "none" || s == " " || s.empty()) return "";
  if (s.size() == 1 && is_marker(s[0])) return s;
  raise_value_error("Unrecognized marker style " + repr_string(vm, o));
}

// ---------------------------------------------------------------- artists

ObjRef artist(Type* t, AxesObj* ax, std::size_t series) {
  return ObjRef(new ArtistObj(t, ax->fig, ax->index, static_cast<int>(series)));
}

ObjRef do_plot(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "Line2D");
  Object* label = kw.take("label");
  Object* color = kw.take_any({"color", "c"});
  Object* ls = kw.take_any({"linestyle", "ls"});
  Object* marker = kw.take("marker");
  Object* lw = kw.take_any({"linewidth", "lw"});
  kw.finish();
  std::vector<ObjRef> lines;
  std::size_t i = 0;
  if (a.npos == 0) return make_list({});
  while (i < a.npos) {
    // One group: [x], y, [fmt]
    std::vector<Object*> group;
    while (i < a.npos && !is_str(a[i]) && group.size() < 2) group.push_back(a[i++]);
    std::string fmt;
    if (i < a.npos && is_str(a[i])) fmt = str_value(a[i++]);
    if (group.empty()) raise_value_error("plot: a format string must follow data, got " + repr_string(vm, a[i - 1]));
    std::vector<double> x, y = numbers_1d(vm, group.back(), "plot");
    if (group.size() == 2) {
      x = numbers_1d(vm, group[0], "plot");
      if (x.size() != y.size())
        raise_value_error("x and y must have same first dimension, but have shapes (" + std::to_string(x.size()) +
                          ",) and (" + std::to_string(y.size()) + ",)");
    } else {
      for (std::size_t k = 0; k < y.size(); ++k) x.push_back(static_cast<double>(k));
    }
    LineStyle st = parse_fmt(fmt);
    Series s;
    s.kind = SeriesKind::Line;
    s.x = std::move(x);
    s.y = std::move(y);
    s.linestyle = st.has_linestyle ? st.linestyle : "-";
    s.marker = st.marker;
    if (ls) s.linestyle = linestyle_arg(vm, ls);
    if (marker) s.marker = marker_arg(vm, marker);
    if (color) s.color = color_arg(vm, color);
    else if (!st.color.empty()) s.color = st.color;
    else s.color = next_color(ax->fig->line_cycle, ax->index);
    if (lw) s.linewidth = number_of(vm, lw, "linewidth");
    if (label && !is_none(label)) s.label = text_arg(vm, label);
    AxesData& d = ax->data();
    d.series.push_back(std::move(s));
    lines.push_back(artist(&line2d_type, ax, d.series.size() - 1));
  }
  return make_list(std::move(lines));
}

ObjRef do_scatter(Vm& vm, AxesObj* ax, const Args& a) {
  Object* slots[4];
  Kwargs kw(a, "PathCollection");
  // x, y, s, c may come by position or keyword.
  Object* pos[4] = {nullptr, nullptr, nullptr, nullptr};
  if (a.npos > 4) raise_type_error("scatter() takes from 2 to 4 positional arguments but " + std::to_string(a.npos) +
                                   " were given");
  for (std::size_t i = 0; i < a.npos; ++i) pos[i] = a[i];
  const char* names[4] = {"x", "y", "s", "c"};
  for (int i = 0; i < 4; ++i) {
    Object* v = kw.take(names[i]);
    if (v && pos[i]) raise_type_error(std::string("scatter() got multiple values for argument '") + names[i] + "'");
    slots[i] = pos[i] ? pos[i] : v;
  }
  if (!slots[0] || !slots[1])
    raise_type_error(std::string("scatter() missing 1 required positional argument: '") + (slots[0] ? "y" : "x") + "'");
  Object* color = kw.take("color");
  Object* label = kw.take("label");
  Object* marker = kw.take("marker");
  Object* cmap = kw.take("cmap");
  Object* vmin = kw.take("vmin");
  Object* vmax = kw.take("vmax");
  kw.finish();
  if (marker && !is_none(marker)) marker_arg(vm, marker);  // validated; scatter draws circles
  std::vector<double> x = numbers_1d(vm, slots[0], "scatter"), y = numbers_1d(vm, slots[1], "scatter");
  if (x.size() != y.size()) raise_value_error("x and y must be the same size");
  double size = 36;
  if (slots[2] && !is_none(slots[2])) {
    if (is_sequence_like(vm, slots[2])) {
      std::vector<double> sizes = numbers_1d(vm, slots[2], "scatter");
      // One size per series: the mean keeps the drawing's overall weight.
      double sum = 0;
      for (double v : sizes) sum += v;
      size = sizes.empty() ? 36 : sum / static_cast<double>(sizes.size());
    } else {
      size = number_of(vm, slots[2], "scatter");
    }
  }
  AxesData& d = ax->data();
  std::string lab = label && !is_none(label) ? text_arg(vm, label) : "";
  Object* c = slots[3] ? slots[3] : color;
  std::size_t first = d.series.size();
  if (c && !is_none(c) && !is_str(c) && is_sequence_like(vm, c) &&
      static_cast<std::size_t>(length(vm, c)) == x.size() && x.size() != 3 && x.size() != 4) {
    // Colour by value: points are grouped by their colormap colour.
    std::vector<ObjRef> cs = items_of(vm, c);
    bool numeric = true;
    for (const ObjRef& v : cs) {
      double dd;
      if (!to_double(v.get(), dd) && !lookup_special(vm, v.get(), "__float__")) numeric = false;
    }
    std::vector<std::string> colors;
    if (numeric) {
      std::vector<double> vals = numbers_1d(vm, c, "scatter");
      double lo = vmin ? number_of(vm, vmin, "vmin") : *std::min_element(vals.begin(), vals.end());
      double hi = vmax ? number_of(vm, vmax, "vmax") : *std::max_element(vals.begin(), vals.end());
      std::string map = cmap && !is_none(cmap) ? text_arg(vm, cmap) : "viridis";
      for (double v : vals) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0;
        t = std::clamp(t, 0.0, 1.0);
        // viridis / gray sampled like figure_svg's colormap
        static const int vir[11][3] = {{68, 1, 84},    {72, 36, 117},  {65, 68, 135},  {53, 95, 141},
                                       {42, 120, 142}, {33, 145, 140}, {34, 168, 132}, {68, 191, 112},
                                       {122, 209, 81}, {189, 223, 38}, {253, 231, 37}};
        int rgb[3];
        if (map == "gray" || map == "grey") {
          rgb[0] = rgb[1] = rgb[2] = static_cast<int>(std::lround(t * 255));
        } else {
          double p = t * 10;
          int k = std::min(9, static_cast<int>(p));
          double f = p - k;
          for (int j = 0; j < 3; ++j) rgb[j] = static_cast<int>(std::lround(vir[k][j] + (vir[k + 1][j] - vir[k][j]) * f));
        }
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
        colors.push_back(buf);
      }
    } else {
      for (const ObjRef& v : cs) colors.push_back(color_arg(vm, v.get()));
    }
    std::map<std::string, std::size_t> group;
    for (std::size_t i = 0; i < x.size(); ++i) {
      auto it = group.find(colors[i]);
      if (it == group.end()) {
        Series s;
        s.kind = SeriesKind::Scatter;
        s.color = colors[i];
        s.size = size;
        s.label = d.series.size() == first ? lab : "_" + lab;
        d.series.push_back(std::move(s));
        it = group.emplace(colors[i], d.series.size() - 1).first;
      }
      d.series[it->second].x.push_back(x[i]);
      d.series[it->second].y.push_back(y[i]);
    }
    if (d.series.size() == first) {  // no points
      Series s;
      s.kind = SeriesKind::Scatter;
      s.color = kColorCycle[0];
      s.label = lab;
      d.series.push_back(std::move(s));
    }
  } else {
    Series s;
    s.kind = SeriesKind::Scatter;
    s.x = std::move(x);
    s.y = std::move(y);
    s.size = size;
    s.label = lab;
    s.color = c && !is_none(c) ? color_arg(vm, c) : next_color(ax->fig->patch_cycle, ax->index);
    d.series.push_back(std::move(s));
  }
  return artist(&path_collection_type, ax, first);
}

// numpy.histogram's binning: equal bins over [min, max] (or range=), the
// last bin closed; explicit edges count x in [e_i, e_i+1), the last closed.
void histogram(const std::vector<double>& xs, const std::vector<double>* weights, std::vector<double>& edges,
               std::vector<double>& counts, int nbins, bool have_range, double lo, double hi) {
  if (edges.empty()) {
    if (!have_range) {
      lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (double v : xs) lo = std::min(lo, v), hi = std::max(hi, v);
      if (xs.empty()) lo = 0, hi = 1;
    }
    if (!std::isfinite(lo) || !std::isfinite(hi))
      raise_value_error("autodetected range of [" + number_text(lo) + ", " + number_text(hi) + "] is not finite");
    if (lo > hi) raise_value_error("max must be larger than min in range parameter.");
    if (lo == hi) lo -= 0.5, hi += 0.5;
    double step = (hi - lo) / nbins;
    for (int i = 0; i <= nbins; ++i) edges.push_back(i * step + lo);
    edges.back() = hi;
    counts.assign(static_cast<std::size_t>(nbins), 0.0);
    double norm = nbins / (hi - lo);
    for (std::size_t k = 0; k < xs.size(); ++k) {
      double v = xs[k];
      if (!(v >= lo && v <= hi)) continue;
      long idx = static_cast<long>((v - lo) * norm);
      if (idx == nbins) --idx;
      if (v < edges[static_cast<std::size_t>(idx)]) --idx;
      else if (idx != nbins - 1 && v >= edges[static_cast<std::size_t>(idx) + 1]) ++idx;
      counts[static_cast<std::size_t>(idx)] += weights ? (*weights)[k] : 1.0;
    }
    return;
  }
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (edges[i] < edges[i - 1]) raise_value_error("`bins` must increase monotonically, when an array");
  std::size_t n = edges.size() - 1;
  counts.assign(n, 0.0);
  for (std::size_t k = 0; k < xs.size(); ++k) {
    double v = xs[k];
    if (n == 0 || !(v >= edges.front() && v <= edges.back())) continue;
    std::size_t idx = static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin());
    idx = idx == 0 ? 0 : idx - 1;
    if (idx >= n) idx = n - 1;
    counts[idx] += weights ? (*weights)[k] : 1.0;
  }
}

ObjRef do_hist(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "Rectangle");
  if (a.npos < 1) raise_type_error("hist() missing 1 required positional argument: 'x'");
  if (a.npos > 2) raise_type_error("hist() takes from 1 to 2 positional arguments but " + std::to_string(a.npos) +
                                   " were given");
  Object* bins = a.npos > 1 ? a[1] : kw.take("bins");
  Object* range = kw.take("range");
  Object* density = kw.take("density");
  Object* weights = kw.take("weights");
  Object* color = kw.take("color");
  Object* label = kw.take("label");
  Object* bottom = kw.take("bottom");
  kw.finish();
  (void)bottom;
  std::vector<double> xs = numbers_1d(vm, a[0], "hist");
  std::vector<double> w;
  if (weights && !is_none(weights)) {
    w = numbers_1d(vm, weights, "hist");
    if (w.size() != xs.size()) raise_value_error("weights should have the same shape as x");
  }
  // NaNs are dropped by matplotlib before binning.
  std::vector<double> kept, kept_w;
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!std::isnan(xs[i])) kept.push_back(xs[i]), kept_w.push_back(w.empty() ? 1.0 : w[i]);
  int nbins = 10;
  std::vector<double> edges, counts;
  if (bins && !is_none(bins)) {
    if (is_str(bins)) raise_value_error("hist: bins given by name (" + repr_string(vm, bins) +
                                        ") are not supported; give a number of bins or the edges");
    if (is_sequence_like(vm, bins)) {
      edges = numbers_1d(vm, bins, "hist");
      if (edges.size() < 2) raise_value_error("`bins` must be positive, when an integer");
    } else {
      std::int64_t n = index_value(vm, bins);
      if (n < 1) raise_value_error("`bins` must be positive, when an integer");
      nbins = static_cast<int>(std::min<std::int64_t>(n, 100000));
    }
  }
  bool have_range = false;
  double lo = 0, hi = 0;
  if (range && !is_none(range)) {
    std::vector<double> r = numbers_1d(vm, range, "hist");
    if (r.size() != 2) raise_value_error("too many values to unpack (expected 2)");
    have_range = true, lo = r[0], hi = r[1];
  }
  histogram(kept, w.empty() ? nullptr : &kept_w, edges, counts, nbins, have_range, lo, hi);
  if (density && truthy(vm, density)) {
    double total = 0;
    for (double c : counts) total += c;
    for (std::size_t i = 0; i < counts.size(); ++i)
      counts[i] = total > 0 ? counts[i] / (edges[i + 1] - edges[i]) / total : std::nan("");  // numpy's order
  }
  Series s;
  s.kind = SeriesKind::Hist;
  s.edges = edges;
  s.counts = counts;
  s.label = label && !is_none(label) ? text_arg(vm, label) : "";
  s.color = color && !is_none(color) ? color_arg(vm, color) : next_color(ax->fig->patch_cycle, ax->index);
  AxesData& d = ax->data();
  d.series.push_back(std::move(s));
  ObjRef patches = artist(&bar_container_type, ax, d.series.size() - 1);
  return make_tuple({ObjRef(new FloatArray(counts)).get(), ObjRef(new FloatArray(edges)).get(), patches.get()});
}

ObjRef do_bar(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "Rectangle");
  Object* pos[3] = {nullptr, nullptr, nullptr};
  if (a.npos > 3) raise_type_error("bar() takes from 2 to 3 positional arguments but " + std::to_string(a.npos) +
                                   " were given");
  for (std::size_t i = 0; i < a.npos; ++i) pos[i] = a[i];
  const char* names[3] = {"x", "height", "width"};
  for (int i = 0; i < 3; ++i)
    if (Object* v = kw.take(names[i])) pos[i] = v;
  if (!pos[0] || !pos[1])
    raise_type_error(std::string("bar() missing 1 required positional argument: '") + (pos[0] ? "height" : "x") + "'");
  Object* color = kw.take("color");
  Object* label = kw.take("label");
  Object* bottom = kw.take("bottom");
  kw.finish();
  if (bottom && !is_none(bottom)) raise_value_error("bar: bottom= is not supported in the lesson runtime");
  std::vector<ObjRef> xs = is_str(pos[0]) ? std::vector<ObjRef>{ObjRef(pos[0])} : items_of(vm, pos[0]);
  std::vector<double> heights = is_sequence_like(vm, pos[1]) ? numbers_1d(vm, pos[1], "bar")
                                                              : std::vector<double>(xs.size(), number_of(vm, pos[1], "bar"));
  if (heights.size() == 1 && xs.size() > 1) heights.assign(xs.size(), heights[0]);
  if (xs.size() == 1 && heights.size() > 1) xs.assign(heights.size(), xs[0]);
  if (xs.size() != heights.size())
    raise_value_error("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 "
                      "with shape (" + std::to_string(xs.size()) + ",) and arg 1 with shape (" +
                      std::to_string(heights.size()) + ",).");
  double width = pos[2] && !is_none(pos[2]) ? number_of(vm, pos[2], "bar") : 0.8;
  bool categorical = !xs.empty() && is_str(xs[0].get());
  std::vector<double> xv;
  std::vector<std::string> labels;
  for (const ObjRef& x : xs) {
    if (categorical) {
      if (!is_str(x.get())) raise_type_error("bar: x mixes strings and numbers");
      labels.push_back(str_value(x.get()));
    } else {
      xv.push_back(number_of(vm, x.get(), "bar"));
    }
  }
  std::vector<std::string> colors;
  if (color && !is_none(color)) {
    if (!is_str(color) && is_sequence_like(vm, color) &&
        !(length(vm, color) >= 3 && length(vm, color) <= 4 && !is_str(to_vector(vm, color)[0].get()) &&
          !is_sequence_like(vm, to_vector(vm, color)[0].get()) && static_cast<std::size_t>(length(vm, color)) != xs.size())) {
      for (const ObjRef& c : to_vector(vm, color)) colors.push_back(color_arg(vm, c.get()));
      if (colors.empty()) colors.push_back(kColorCycle[0]);
    } else {
      colors.push_back(color_arg(vm, color));
    }
  }
  std::string default_color = next_color(ax->fig->patch_cycle, ax->index);
  std::string lab = label && !is_none(label) ? text_arg(vm, label) : "";
  AxesData& d = ax->data();
  std::size_t first = d.series.size();
  // One series per run of bars sharing a colour (a list of colours gives
  // each bar its own).
  for (std::size_t i = 0; i < heights.size(); ++i) {
    std::string c = colors.empty() ? default_color : colors[i % colors.size()];
    bool fresh = d.series.size() == first || d.series.back().color != c;
    if (fresh) {
      Series s;
      s.kind = SeriesKind::Bar;
      s.color = c;
      s.width = width;
      s.label = d.series.size() == first ? lab : "_" + lab;
      d.series.push_back(std::move(s));
    }
    Series& s = d.series.back();
    if (categorical) {
      // Categories keep their first position on the axes, across calls.
      s.x_labels.push_back(labels[i]);
    } else {
      s.x.push_back(xv[i]);
    }
    s.y.push_back(heights[i]);
  }
  return artist(&bar_container_type, ax, first);
}

ObjRef do_imshow(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "AxesImage");
  if (a.npos < 1) raise_type_error("imshow() missing 1 required positional argument: 'X'");
  Object* cmap = a.npos > 1 ? a[1] : kw.take("cmap");
  Object* vmin = kw.take("vmin");
  Object* vmax = kw.take("vmax");
  Object* label = kw.take("label");
  kw.finish();
  std::vector<std::vector<double>> rows = numbers_2d(vm, a[0], "imshow");
  Series s;
  s.kind = SeriesKind::Image;
  s.rows = static_cast<int>(rows.size());
  s.cols = static_cast<int>(rows[0].size());
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& r : rows)
    for (double v : r) {
      s.data.push_back(v);
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  if (lo > hi) lo = 0, hi = 1;
  s.vmin = vmin && !is_none(vmin) ? number_of(vm, vmin, "vmin") : lo;
  s.vmax = vmax && !is_none(vmax) ? number_of(vm, vmax, "vmax") : hi;
  s.cmap = "viridis";
  if (cmap && !is_none(cmap)) {
    std::string c = text_arg(vm, cmap);
    if (c == "gray" || c == "grey" || c == "Greys_r") s.cmap = "gray";
    else if (c == "viridis") s.cmap = "viridis";
    else
      raise_value_error("imshow: the colormap " + repr_string(vm, cmap) +
                        " is not available in the lesson runtime; use 'viridis' or 'gray'");
  }
  s.label = label && !is_none(label) ? text_arg(vm, label) : "";
  AxesData& d = ax->data();
  d.series.push_back(std::move(s));
  return artist(&axes_image_type, ax, d.series.size() - 1);
}

// colorbar(mappable=None, ax=None): marks an image as having a colour bar.
ObjRef do_colorbar(Vm& vm, const Args& a) {
  Kwargs kw(a, "Colorbar");
  Object* mappable = a.npos > 0 ? a[0] : kw.take("mappable");
  Object* axarg = kw.take_any({"ax", "cax"});
  kw.finish();
  ArtistObj* img = nullptr;
  if (mappable && !is_none(mappable)) {
    if (mappable->type() != &axes_image_type)
      raise_type_error("colorbar: expected the image returned by imshow(), got '" + type_name(mappable) + "'");
    img = static_cast<ArtistObj*>(mappable);
  }
  if (!img) {
    AxesObj* ax = axarg && axarg->type() == &axes_type ? static_cast<AxesObj*>(axarg) : gca(vm);
    AxesData& d = ax->data();
    for (std::size_t i = d.series.size(); i-- > 0;)
      if (d.series[i].kind == SeriesKind::Image) {
        d.series[i].colorbar = true;
        return ObjRef(new ArtistObj(&colorbar_type, ax->fig, ax->index, static_cast<int>(i)));
      }
    raise(&t_RuntimeError,
          "No mappable was found to use for colorbar creation. First define a mappable such as an image (with "
          "imshow) or a contour set (with contourf).");
  }
  if (Series* s = img->get()) s->colorbar = true;
  return ObjRef(new ArtistObj(&colorbar_type, img->fig, img->axes, img->series));
}

ObjRef do_legend(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "Legend");
  Object* labels = a.npos >= 1 ? a[a.npos - 1] : kw.take("labels");
  Object* handles = a.npos >= 2 ? a[0] : kw.take("handles");
  kw.finish();
  AxesData& d = ax->data();
  if (handles && !is_none(handles)) {
    std::vector<ObjRef> hs = to_vector(vm, handles);
    std::vector<ObjRef> ls = labels && !is_none(labels) ? to_vector(vm, labels) : std::vector<ObjRef>();
    for (std::size_t i = 0; i < hs.size(); ++i) {
      Object* h = hs[i].get();
      if (is_list(h) && static_cast<List*>(h)->size() == 1) h = static_cast<List*>(h)->items[0].get();
      if (!dynamic_cast<ArtistObj*>(h)) continue;
      if (Series* s = static_cast<ArtistObj*>(h)->get())
        if (i < ls.size()) s->label = text_arg(vm, ls[i].get());
    }
  } else if (labels && !is_none(labels)) {
    std::vector<ObjRef> ls = to_vector(vm, labels);
    std::size_t k = 0;
    for (Series& s : d.series) {
      if (s.kind == SeriesKind::Image) continue;
      if (k < ls.size()) s.label = text_arg(vm, ls[k++].get());
      else s.label = "_nolegend_";
    }
  }
  d.legend = true;
  return ObjRef(none());
}

ObjRef do_grid(Vm& vm, AxesObj* ax, const Args& a) {
  Kwargs kw(a, "Line2D");
  Object* visible = a.npos > 0 ? a[0] : kw.take("visible");
  Object* b = kw.take("b");
  bool styled = a.nkw() > 0;
  kw.take_any({"color", "c", "linestyle", "ls", "linewidth", "lw"});
  kw.finish();
  if (!visible) visible = b;
  AxesData& d = ax->data();
  if (visible && !is_none(visible)) d.grid = truthy(vm, visible);
  else d.grid = styled ? true : !d.grid;
  return ObjRef(none());
}

// Limits matplotlib would pick for the axes' data (5 % margins; bars and
// histograms stand on 0; images span pixel edges, y inverted).
std::pair<double, double> auto_limits(const AxesData& d, bool y) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  bool sticky0 = false, image = false;
  auto add = [&](double v) {
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  };
  for (const Series& s : d.series) {
    switch (s.kind) {
      case SeriesKind::Line:
      case SeriesKind::Scatter:
        for (double v : y ? s.y : s.x) add(v);
        break;
      case SeriesKind::Bar:
        for (std::size_t i = 0; i < s.y.size(); ++i) {
          if (y) {
            add(s.y[i]), add(0);
            sticky0 = true;
          } else {
            // matplotlib's rectangle: left = x - width / 2, right = left + width.
            double c = s.x_labels.empty() && i < s.x.size() ? s.x[i] : static_cast<double>(i);
            double left = c - s.width / 2;
            add(left), add(left + s.width);
          }
        }
        break;
      case SeriesKind::Hist:
        if (y) {
          for (double v : s.counts) add(v);
          add(0);
          sticky0 = true;
        } else {
          for (double v : s.edges) add(v);
        }
        break;
      case SeriesKind::Image:
        add(-0.5), add((y ? s.rows : s.cols) - 0.5);
        image = true;
        break;
    }
  }
  if (lo > hi) return {0.0, 1.0};
  if (image) return y ? std::make_pair(hi, lo) : std::make_pair(lo, hi);
  if (lo == hi) lo -= 0.05 * std::max(1.0, std::fabs(lo)), hi += 0.05 * std::max(1.0, std::fabs(hi));
  double m = (hi - lo) * 0.05;
  return {sticky0 && lo == 0 ? lo : lo - m, hi + m};
}

ObjRef do_lim(Vm& vm, AxesObj* ax, const Args& a, bool y) {
  Kwargs kw(a, "Axes");
  Object* lo = kw.take_any({y ? "bottom" : "left", y ? "ymin" : "xmin"});
  Object* hi = kw.take_any({y ? "top" : "right", y ? "ymax" : "xmax"});
  kw.finish();
  AxesData& d = ax->data();
  std::optional<std::pair<double, double>>& lim = y ? d.ylim : d.xlim;
  std::pair<double, double> cur = lim ? *lim : auto_limits(d, y);
  if (a.npos == 1 && !is_none(a[0])) {
    std::vector<double> v = numbers_1d(vm, a[0], y ? "ylim" : "xlim");
    if (v.size() != 2) raise_value_error("too many values to unpack (expected 2)");
    cur = {v[0], v[1]};
    lim = cur;
  } else if (a.npos >= 1 || lo || hi) {
    if (a.npos >= 1 && !is_none(a[0])) cur.first = number_of(vm, a[0], "lim");
    if (a.npos >= 2 && !is_none(a[1])) cur.second = number_of(vm, a[1], "lim");
    if (lo && !is_none(lo)) cur.first = number_of(vm, lo, "lim");
    if (hi && !is_none(hi)) cur.second = number_of(vm, hi, "lim");
    lim = cur;
  }
  return make_tuple({make_float(cur.first).get(), make_float(cur.second).get()});
}

ObjRef set_text(Vm& vm, const Args& a, std::string& field, const char* fname) {
  Kwargs kw(a, "Text");
  Object* label = a.npos > 0 ? a[0] : kw.take(std::string(fname).find("title") != std::string::npos ? "label" : "xlabel");
  if (!label) label = kw.take("ylabel");
  if (!label) label = kw.take("t");
  kw.finish();
  if (!label) raise_type_error(std::string(fname) + "() missing 1 required positional argument: 'label'");
  field = text_arg(vm, label);
  return ObjRef(none());
}

[[noreturn]] void savefig_error() {
  raise(&t_PermissionError,
        "savefig: lessons cannot write files; figures are shown in the page (call plt.show())");
}

std::pair<double, double> figsize_arg(Vm& vm, Object* o) {
  std::vector<double> v = numbers_1d(vm, o, "figsize");
  if (v.size() != 2) raise_value_error("figsize must be a pair (width, height) in inches");
  if (!(v[0] > 0 && v[1] > 0 && v[0] < 100 && v[1] < 100))
    raise_value_error("figure size must be positive finite not (" + number_text(v[0]) + ", " + number_text(v[1]) + ")");
  return {v[0], v[1]};
}

// subplot(nrows, ncols, index) or subplot(231)
AxesObj* subplot(Vm& vm, FigureObj* f, const Args& a) {
  std::int64_t nr = 1, nc = 1, idx = 1;
  if (a.npos == 1) {
    std::int64_t code = index_value(vm, a[0]);
    if (code < 111 || code > 999)
      raise_value_error("Integer subplot specification must be a three-digit number, not " + std::to_string(code));
    nr = code / 100, nc = (code / 10) % 10, idx = code % 10;
  } else if (a.npos == 3) {
    nr = index_value(vm, a[0]), nc = index_value(vm, a[1]), idx = index_value(vm, a[2]);
  } else if (a.npos != 0) {
    raise_type_error("subplot() takes 1 or 3 positional arguments but " + std::to_string(a.npos) + " were given");
  }
  if (nr < 1 || nc < 1) raise_value_error("Number of rows and columns must be > 0");
  if (idx < 1 || idx > nr * nc)
    raise_value_error("num must be 1 <= num <= " + std::to_string(nr * nc) + ", not " + std::to_string(idx));
  int row = static_cast<int>((idx - 1) / nc), col = static_cast<int>((idx - 1) % nc);
  for (std::size_t i = 0; i < f->axes.size(); ++i) {
    const AxesData& d = f->st->data.axes[i];
    if (d.row == row && d.col == col && d.nrows == nr && d.ncols == nc) {
      f->st->current_axes = static_cast<int>(i);
      return f->axes[i].get();
    }
  }
  return f->add_axes(row, col, static_cast<int>(nr), static_cast<int>(nc));
}

ObjRef do_subplots(Vm& vm, const Args& a) {
  Kwargs kw(a, "Figure");
  Object* nrows = a.npos > 0 ? a[0] : kw.take("nrows");
  Object* ncols = a.npos > 1 ? a[1] : kw.take("ncols");
  Object* figsize = kw.take("figsize");
  Object* squeeze = kw.take("squeeze");
  kw.finish();
  std::int64_t nr = nrows ? index_value(vm, nrows) : 1, nc = ncols ? index_value(vm, ncols) : 1;
  if (nr < 1 || nc < 1 || nr * nc > 100)
    raise_value_error("Number of rows must be a positive integer, not " + std::to_string(nr));
  Ref<FigureObj> f = new_figure(vm);
  if (figsize && !is_none(figsize)) std::tie(f->st->data.width, f->st->data.height) = figsize_arg(vm, figsize);
  std::vector<Ref<AxesObj>> axes;
  for (int r = 0; r < nr; ++r)
    for (int c = 0; c < nc; ++c) axes.emplace_back(f->add_axes(r, c, static_cast<int>(nr), static_cast<int>(nc)));
  f->st->current_axes = static_cast<int>(axes.size()) - 1;
  ObjRef ax;
  bool sq = !squeeze || truthy(vm, squeeze);
  if (sq && nr == 1 && nc == 1) ax = axes[0];
  else if (sq && (nr == 1 || nc == 1))
    ax = ObjRef(new AxesArray(axes, 1, static_cast<int>(nr * nc), 1));
  else
    ax = ObjRef(new AxesArray(axes, static_cast<int>(nr), static_cast<int>(nc), 2));
  return make_tuple({f.get(), ax.get()});
}

ObjRef do_figure(Vm& vm, const Args& a) {
  Kwargs kw(a, "Figure");
  Object* num = a.npos > 0 ? a[0] : kw.take("num");
  Object* figsize = a.npos > 1 ? a[1] : kw.take("figsize");
  kw.finish();
  PlotState& ps = plot_state(vm);
  if (num && num->type() == &figure_type) {
    ps.current = Ref<FigureObj>(static_cast<FigureObj*>(num));
    return ObjRef(num);
  }
  int n = 0;
  if (num && !is_none(num)) {
    n = static_cast<int>(index_value(vm, num));
    for (const auto& f : ps.open)
      if (f->st->data.id == n) {
        ps.current = f;
        return f;
      }
    if (n < 1) raise_value_error("figure number must be positive");
  }
  Ref<FigureObj> f = new_figure(vm, n);
  if (figsize && !is_none(figsize)) std::tie(f->st->data.width, f->st->data.height) = figsize_arg(vm, figsize);
  return f;
}

ObjRef do_close(Vm& vm, const Args& a) {
  check_nargs(a, "close", 0, 1);
  PlotState& ps = plot_state(vm);
  Object* which = a.npos ? a[0] : nullptr;
  if (which && is_str(which) && str_value(which) == "all") {
    ps.open.clear();
    ps.current.reset();
  } else if (which && which->type() == &figure_type) {
    close_figure(ps, static_cast<FigureObj*>(which));
  } else if (which && is_int(which)) {
    for (const auto& f : ps.open)
      if (f->st->data.id == int_value(which)) {
        close_figure(ps, f.get());
        break;
      }
  } else if (!which || is_none(which)) {
    if (ps.current) close_figure(ps, ps.current.get());
  } else {
    raise_type_error("close() argument must be a Figure, an int, a string, or None, not " + type_name(which));
  }
  return ObjRef(none());
}

// ---------------------------------------------------------------- numpy-like arrays

// numpy's default float formatting of a 1-D array (floatmode 'maxprec',
// precision 8, the same number of fraction digits for every element,
// trailing zeros shown as spaces, 75-column lines).
std::string array_text(const std::vector<double>& v, bool as_repr) {
  std::string open = as_repr ? "array([" : "[", sep = as_repr ? ", " : " ";
  if (v.empty()) return as_repr ? "array([], dtype=float64)" : "[]";
  double maxabs = 0, minabs = std::numeric_limits<double>::infinity();
  bool finite_all = true;
  for (double d : v) {
    if (!std::isfinite(d)) {
      finite_all = false;
      continue;
    }
    maxabs = std::max(maxabs, std::fabs(d));
    if (d != 0) minabs = std::min(minabs, std::fabs(d));
  }
  (void)finite_all;
  bool sci = maxabs >= 1e8 || (minabs < 1e-4 && minabs > 0) || (maxabs > 0 && minabs < std::numeric_limits<double>::infinity() && maxabs / minabs > 1e3 && minabs < 1e-4);
  std::vector<std::string> parts;
  if (sci) {
    int digits = 0;
    for (double d : v) {
      if (!std::isfinite(d)) continue;
      for (int p = 0; p <= 8; ++p) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*e", p, d);
        if (std::strtod(buf, nullptr) == d || p == 8) {
          digits = std::max(digits, p);
          break;
        }
      }
    }
    for (double d : v) {
      if (std::isnan(d)) parts.push_back("nan");
      else if (std::isinf(d)) parts.push_back(d > 0 ? "inf" : "-inf");
      else {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*e", digits, d);
        std::string s = buf;
        if (digits == 0) s.insert(s.find('e'), ".");
        parts.push_back(s);
      }
    }
  } else {
    int frac = 0;
    for (double d : v) {
      if (!std::isfinite(d)) continue;
      // Shortest round trip, or 8 digits with trailing zeros dropped.
      for (int p = 0; p <= 8; ++p) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", p, d);
        if (std::strtod(buf, nullptr) == d || p == 8) {
          std::string t = buf;
          int digits = p;
          while (digits > 0 && t.back() == '0') t.pop_back(), --digits;
          frac = std::max(frac, digits);
          break;
        }
      }
    }
    std::size_t int_w = 0;
    std::vector<std::pair<std::string, std::string>> split;
    for (double d : v) {
      if (!std::isfinite(d)) {
        split.emplace_back(std::isnan(d) ? "nan" : d > 0 ? "inf" : "-inf", "");
        continue;
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.*f", frac, d);
      std::string s = buf;
      std::size_t dot = s.find('.');
      std::string ip = dot == std::string::npos ? s : s.substr(0, dot);
      std::string fp = dot == std::string::npos ? "" : s.substr(dot + 1);
      while (!fp.empty() && fp.back() == '0') fp.pop_back();
      split.emplace_back(ip, fp);
    }
    for (auto& p : split) int_w = std::max(int_w, p.first.size());
    for (auto& p : split) {
      bool special = p.first == "nan" || p.first == "inf" || p.first == "-inf";
      std::string s = std::string(int_w - std::min(int_w, p.first.size()), ' ') + p.first;
      if (special) s += std::string(static_cast<std::size_t>(frac) + 1, ' ');
      else s += "." + p.second + std::string(static_cast<std::size_t>(frac) - p.second.size(), ' ');
      parts.push_back(s);
    }
  }
  std::string out = open, line = open;
  std::string indent(open.size(), ' ');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string piece = parts[i] + (i + 1 < parts.size() ? (as_repr ? "," : "") : "");
    std::size_t limit = i + 1 < parts.size() ? 75 : 75 - (as_repr ? 2 : 1);
    if (line.size() + piece.size() > limit && line.size() > open.size()) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += "\n" + indent;
      line = indent;
    }
    out += piece;
    line += piece;
    if (i + 1 < parts.size()) {
      out += " ";
      line += " ";
    }
  }
  out += as_repr ? "])" : "]";
  return out;
}

void init_types() {
  if (figure_type.dict) return;
  type_dict(&figure_type), type_dict(&axes_type), type_dict(&axes_array_type), type_dict(&array_type);
  for (Type* t : {&figure_type, &axes_type, &axes_array_type, &array_type, &line2d_type, &path_collection_type,
                  &bar_container_type, &axes_image_type, &colorbar_type}) {
    type_dict(t);
    t->subclassable = false;
  }
  figure_type.module = "matplotlib.figure";
  axes_type.module = "matplotlib.axes._subplots";
  axes_type.name = "AxesSubplot";
  axes_array_type.module = "numpy";
  array_type.module = "numpy";
  line2d_type.module = "matplotlib.lines";
  path_collection_type.module = "matplotlib.collections";
  bar_container_type.module = "matplotlib.container";
  axes_image_type.module = "matplotlib.image";
  colorbar_type.module = "matplotlib.colorbar";

  auto ax_of = [](Object* o) -> AxesObj* {
    if (o->type() != &axes_type) raise_type_error("expected an Axes, got '" + type_name(o) + "'");
    return static_cast<AxesObj*>(o);
  };
  using AxFn = ObjRef (*)(Vm&, AxesObj*, const Args&);
  auto add_axes_method = [&](const char* name, AxFn fn) {
    add_method(&axes_type, name, [fn, ax_of](Vm& vm, const Args& a) -> ObjRef { return fn(vm, ax_of(a[0]), shift(a)); });
  };
  add_axes_method("plot", do_plot);
  add_axes_method("scatter", do_scatter);
  add_axes_method("hist", do_hist);
  add_axes_method("bar", do_bar);
  add_axes_method("imshow", do_imshow);
  add_axes_method("legend", do_legend);
  add_axes_method("grid", do_grid);
  add_axes_method("set_xlim", [](Vm& vm, AxesObj* ax, const Args& a) { return do_lim(vm, ax, a, false); });
  add_axes_method("set_ylim", [](Vm& vm, AxesObj* ax, const Args& a) { return do_lim(vm, ax, a, true); });
  add_axes_method("get_xlim", [](Vm& vm, AxesObj* ax, const Args& a) {
    check_nargs(a, "get_xlim", 0, 0);
    return do_lim(vm, ax, a, false);
  });
  add_axes_method("get_ylim", [](Vm& vm, AxesObj* ax, const Args& a) {
    check_nargs(a, "get_ylim", 0, 0);
    return do_lim(vm, ax, a, true);
  });
  add_axes_method("set_title", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().title, "set_title"); });
  add_axes_method("set_xlabel", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().xlabel, "set_xlabel"); });
  add_axes_method("set_ylabel", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().ylabel, "set_ylabel"); });
  add_axes_method("get_title", [](Vm&, AxesObj* ax, const Args&) -> ObjRef { return make_str(ax->data().title); });
  add_axes_method("get_xlabel", [](Vm&, AxesObj* ax, const Args&) -> ObjRef { return make_str(ax->data().xlabel); });
  add_axes_method("get_ylabel", [](Vm&, AxesObj* ax, const Args&) -> ObjRef { return make_str(ax->data().ylabel); });
  add_axes_method("axis", [](Vm& vm, AxesObj* ax, const Args& a) -> ObjRef {
    // axis('off') hides nothing the recorded data can express; accepted.
    check_nargs(a, "axis", 0, 1);
    if (a.npos == 1 && !is_str(a[0])) {
      std::vector<double> v = numbers_1d(vm, a[0], "axis");
      if (v.size() != 4) raise_value_error("axis() requires a sequence of 4 numbers");
      ax->data().xlim = std::make_pair(v[0], v[1]);
      ax->data().ylim = std::make_pair(v[2], v[3]);
    }
    return ObjRef(none());
  });
  add_method(&axes_type, "get_figure", [](Vm& vm, const Args& a) -> ObjRef {
    AxesObj* ax = static_cast<AxesObj*>(a[0]);
    for (const auto& f : plot_state(vm).open)
      if (f->st == ax->fig) return f;
    raise(&t_RuntimeError, "the figure of these axes has been closed");
  });

  // Figure
  auto fig_of = [](Object* o) { return static_cast<FigureObj*>(o); };
  add_method(&figure_type, "suptitle", [fig_of](Vm& vm, const Args& a) -> ObjRef {
    return set_text(vm, shift(a), fig_of(a[0])->st->data.suptitle, "suptitle");
  });
  add_method(&figure_type, "tight_layout", [](Vm&, const Args&) -> ObjRef { return ObjRef(none()); });
  add_method(&figure_type, "savefig", [](Vm&, const Args&) -> ObjRef { savefig_error(); });
  add_method(&figure_type, "colorbar", [](Vm& vm, const Args& a) -> ObjRef { return do_colorbar(vm, shift(a)); });
  add_method(&figure_type, "add_subplot", [fig_of](Vm& vm, const Args& a) -> ObjRef {
    return ObjRef(subplot(vm, fig_of(a[0]), shift(a)));
  });
  add_method(&figure_type, "gca", [fig_of](Vm&, const Args& a) -> ObjRef {
    FigureObj* f = fig_of(a[0]);
    if (f->st->current_axes < 0) return ObjRef(f->add_axes(0, 0, 1, 1));
    return f->axes[static_cast<std::size_t>(f->st->current_axes)];
  });
  add_method(&figure_type, "set_size_inches", [fig_of](Vm& vm, const Args& a) -> ObjRef {
    FigureObj* f = fig_of(a[0]);
    if (a.npos == 2) std::tie(f->st->data.width, f->st->data.height) = figsize_arg(vm, a[1]);
    else if (a.npos == 3) std::tie(f->st->data.width, f->st->data.height) = figsize_arg(vm, make_tuple({a[1], a[2]}).get());
    else raise_type_error("set_size_inches() takes a (width, height) pair");
    return ObjRef(none());
  });
  add_getter(&figure_type, "number", [fig_of](Vm&, const Args& a) -> ObjRef { return make_int(fig_of(a[0])->st->data.id); });
  add_getter(&figure_type, "axes", [fig_of](Vm&, const Args& a) -> ObjRef {
    std::vector<ObjRef> v(fig_of(a[0])->axes.begin(), fig_of(a[0])->axes.end());
    return make_list(std::move(v));
  });
  figure_type.slots.str = [](Vm&, Object* self) -> ObjRef {
    const FigureData& d = static_cast<FigureObj*>(self)->st->data;
    return make_str("Figure(" + number_text(d.width * 100) + "x" + number_text(d.height * 100) + ")");
  };
  figure_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    const FigureData& d = static_cast<FigureObj*>(self)->st->data;
    return make_str("<Figure size " + number_text(d.width * 100) + "x" + number_text(d.height * 100) + " with " +
                    std::to_string(d.axes.size()) + " Axes>");
  };

  // The subplots() grid
  axes_array_type.slots.len = [](Vm&, Object* self) -> std::int64_t {
    auto* g = static_cast<AxesArray*>(self);
    return g->ndim == 1 ? g->cols : g->rows;
  };
  axes_array_type.slots.getitem = [](Vm& vm, Object* self, Object* key) -> ObjRef {
    auto* g = static_cast<AxesArray*>(self);
    // Indices along one axis of the grid: an int (-n..n-1) or a slice.
    auto select = [&](Object* k, std::int64_t n, int axis, bool& scalar) {
      std::vector<std::int64_t> out;
      if (k->type() == &slice_type) {
        std::int64_t b, e, st, count;
        static_cast<Slice*>(k)->indices(vm, n, b, e, st, count);
        for (std::int64_t i = 0, v = b; i < count; ++i, v += st) out.push_back(v);
        scalar = false;
        return out;
      }
      std::int64_t i = index_value(vm, k);
      std::int64_t j = i < 0 ? i + n : i;
      if (j < 0 || j >= n)
        raise_index_error("index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(axis) +
                          " with size " + std::to_string(n));
      scalar = true;
      out.push_back(j);
      return out;
    };
    Object* keys[2] = {key, nullptr};
    std::size_t nkeys = 1;
    if (is_tuple(key)) {
      Tuple* t = static_cast<Tuple*>(key);
      if (t->size() > static_cast<std::size_t>(g->ndim))
        raise_index_error("too many indices for array: array is " + std::to_string(g->ndim) + "-dimensional, but " +
                          std::to_string(t->size()) + " were indexed");
      nkeys = t->size();
      for (std::size_t i = 0; i < nkeys; ++i) keys[i] = (*t)[i];
    }
    if (g->ndim == 1) {
      bool scalar = false;
      std::vector<std::int64_t> idx = select(keys[0], g->cols, 0, scalar);
      if (scalar) return g->items[static_cast<std::size_t>(idx[0])];
      std::vector<Ref<AxesObj>> sel;
      for (std::int64_t i : idx) sel.push_back(g->items[static_cast<std::size_t>(i)]);
      return ObjRef(new AxesArray(std::move(sel), 1, static_cast<int>(idx.size()), 1));
    }
    bool rs = false, cs = false;
    std::vector<std::int64_t> rows = select(keys[0], g->rows, 0, rs);
    std::vector<std::int64_t> cols;
    if (nkeys == 2) {
      cols = select(keys[1], g->cols, 1, cs);
    } else {
      for (std::int64_t c = 0; c < g->cols; ++c) cols.push_back(c);
    }
    std::vector<Ref<AxesObj>> sel;
    for (std::int64_t r : rows)
      for (std::int64_t c : cols) sel.push_back(g->items[static_cast<std::size_t>(r * g->cols + c)]);
    if (rs && cs) return sel[0];
    const int count = static_cast<int>(sel.size());  // before sel is moved from
    if (rs || cs) return ObjRef(new AxesArray(std::move(sel), 1, count, 1));
    return ObjRef(new AxesArray(std::move(sel), static_cast<int>(rows.size()), static_cast<int>(cols.size()), 2));
  };
  axes_array_type.slots.iter = [](Vm& vm, Object* self) -> ObjRef {
    auto* g = static_cast<AxesArray*>(self);
    std::vector<ObjRef> items;
    if (g->ndim == 1) {
      items.assign(g->items.begin(), g->items.end());
    } else {
      for (int r = 0; r < g->rows; ++r) {
        std::vector<Ref<AxesObj>> row(g->items.begin() + r * g->cols, g->items.begin() + (r + 1) * g->cols);
        items.emplace_back(new AxesArray(std::move(row), 1, g->cols, 1));
      }
    }
    return get_iter(vm, make_list(std::move(items)).get());
  };
  auto flat = [](Vm&, const Args& a) -> ObjRef {
    auto* g = static_cast<AxesArray*>(a[0]);
    return ObjRef(new AxesArray(g->items, 1, static_cast<int>(g->items.size()), 1));
  };
  add_getter(&axes_array_type, "flat", flat);
  add_method(&axes_array_type, "flatten", flat);
  add_method(&axes_array_type, "ravel", flat);
  add_getter(&axes_array_type, "shape", [](Vm&, const Args& a) -> ObjRef {
    auto* g = static_cast<AxesArray*>(a[0]);
    if (g->ndim == 1) return make_tuple({make_int(g->cols).get()});
    return make_tuple({make_int(g->rows).get(), make_int(g->cols).get()});
  });
  add_getter(&axes_array_type, "size", [](Vm&, const Args& a) -> ObjRef {
    return make_int(static_cast<std::int64_t>(static_cast<AxesArray*>(a[0])->items.size()));
  });

  // hist's counts and edges
  array_type.slots.len = [](Vm&, Object* self) -> std::int64_t {
    return static_cast<std::int64_t>(static_cast<FloatArray*>(self)->values.size());
  };
  array_type.slots.getitem = [](Vm& vm, Object* self, Object* key) -> ObjRef {
    const auto& v = static_cast<FloatArray*>(self)->values;
    std::int64_t n = static_cast<std::int64_t>(v.size());
    if (key->type() == &slice_type) {
      std::int64_t b, e, s, count;
      static_cast<Slice*>(key)->indices(vm, n, b, e, s, count);
      std::vector<double> out;
      for (std::int64_t i = 0, k = b; i < count; ++i, k += s) out.push_back(v[static_cast<std::size_t>(k)]);
      return ObjRef(new FloatArray(std::move(out)));
    }
    std::int64_t i = index_value(vm, key);
    std::int64_t j = i < 0 ? i + n : i;
    if (j < 0 || j >= n)
      raise_index_error("index " + std::to_string(i) + " is out of bounds for axis 0 with size " + std::to_string(n));
    return make_float(v[static_cast<std::size_t>(j)]);
  };
  array_type.slots.iter = [](Vm& vm, Object* self) -> ObjRef {
    std::vector<ObjRef> items;
    for (double d : static_cast<FloatArray*>(self)->values) items.push_back(make_float(d));
    return get_iter(vm, make_list(std::move(items)).get());
  };
  array_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    return make_str(array_text(static_cast<FloatArray*>(self)->values, true));
  };
  array_type.slots.str = [](Vm&, Object* self) -> ObjRef {
    return make_str(array_text(static_cast<FloatArray*>(self)->values, false));
  };
  add_method(&array_type, "tolist", [](Vm&, const Args& a) -> ObjRef {
    std::vector<ObjRef> items;
    for (double d : static_cast<FloatArray*>(a[0])->values) items.push_back(make_float(d));
    return make_list(std::move(items));
  });
  add_method(&array_type, "sum", [](Vm&, const Args& a) -> ObjRef {
    double s = 0;
    for (double d : static_cast<FloatArray*>(a[0])->values) s += d;
    return make_float(s);
  });
  add_method(&array_type, "max", [](Vm&, const Args& a) -> ObjRef {
    const auto& v = static_cast<FloatArray*>(a[0])->values;
    if (v.empty()) raise_value_error("zero-size array to reduction operation maximum which has no identity");
    return make_float(*std::max_element(v.begin(), v.end()));
  });
  add_method(&array_type, "min", [](Vm&, const Args& a) -> ObjRef {
    const auto& v = static_cast<FloatArray*>(a[0])->values;
    if (v.empty()) raise_value_error("zero-size array to reduction operation minimum which has no identity");
    return make_float(*std::min_element(v.begin(), v.end()));
  });
  add_getter(&array_type, "shape", [](Vm&, const Args& a) -> ObjRef {
    return make_tuple({make_int(static_cast<std::int64_t>(static_cast<FloatArray*>(a[0])->values.size())).get()});
  });

  // Artists
  for (Type* t : {&line2d_type, &path_collection_type, &bar_container_type, &axes_image_type}) {
    add_method(t, "get_label", [](Vm&, const Args& a) -> ObjRef {
      Series* s = static_cast<ArtistObj*>(a[0])->get();
      return make_str(s ? s->label : std::string());
    });
    add_method(t, "set_label", [](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, "set_label", 2, 2);
      if (Series* s = static_cast<ArtistObj*>(a[0])->get()) s->label = text_arg(vm, a[1]);
      return ObjRef(none());
    });
  }
  add_method(&line2d_type, "get_color", [](Vm&, const Args& a) -> ObjRef {
    Series* s = static_cast<ArtistObj*>(a[0])->get();
    return make_str(s ? s->color : std::string());
  });
  auto data_list = [](const std::vector<double>& v) { return ObjRef(new FloatArray(v)); };
  add_method(&line2d_type, "get_xdata", [data_list](Vm&, const Args& a) -> ObjRef {
    Series* s = static_cast<ArtistObj*>(a[0])->get();
    return data_list(s ? s->x : std::vector<double>());
  });
  add_method(&line2d_type, "get_ydata", [data_list](Vm&, const Args& a) -> ObjRef {
    Series* s = static_cast<ArtistObj*>(a[0])->get();
    return data_list(s ? s->y : std::vector<double>());
  });
  add_method(&axes_image_type, "get_clim", [](Vm&, const Args& a) -> ObjRef {
    Series* s = static_cast<ArtistObj*>(a[0])->get();
    return make_tuple({make_float(s ? s->vmin : 0).get(), make_float(s ? s->vmax : 1).get()});
  });
  add_method(&axes_image_type, "set_clim", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "set_clim", 3, 3);
    if (Series* s = static_cast<ArtistObj*>(a[0])->get()) {
      s->vmin = number_of(vm, a[1], "vmin");
      s->vmax = number_of(vm, a[2], "vmax");
    }
    return ObjRef(none());
  });
  add_method(&colorbar_type, "set_label", [](Vm&, const Args&) -> ObjRef { return ObjRef(none()); });
}

void add(Module& m, const char* name, NativeFn fn) {
  Ref<NativeFunction> f = make_native(name, std::move(fn));
  f->module = "matplotlib.pyplot";
  m.dict->set_str(name, f.get());
}

// A pyplot function that forwards to the current axes.
void add_gca(Module& m, const char* name, ObjRef (*fn)(Vm&, AxesObj*, const Args&)) {
  add(m, name, [fn](Vm& vm, const Args& a) -> ObjRef { return fn(vm, gca(vm), a); });
}

}  // namespace

void show_open_figures(Vm& vm) {
  if (!vm.plot_state) return;
  PlotState& ps = *vm.plot_state;
  std::vector<Ref<FigureObj>> figs;
  figs.swap(ps.open);
  ps.current.reset();
  if (!vm.figure_sink) return;
  for (const auto& f : figs) vm.figure_sink(f->st->data);
}

void init_matplotlib_module(Vm&, Module& m) {
  m.dict->set_str("__version__", make_str("3.6.3").get());
  Ref<NativeFunction> use = make_native("use", [](Vm& vm, const Args& a) -> ObjRef {
    // Backends are the host's business; the name is checked, not used.
    if (a.npos < 1 || !is_str(a[0])) raise_type_error("use() missing 1 required positional argument: 'backend'");
    (void)vm;
    return ObjRef(none());
  });
  m.dict->set_str("use", use.get());
}

void init_pyplot_module(Vm&, Module& m) {
  init_types();
  add_gca(m, "plot", do_plot);
  add_gca(m, "scatter", do_scatter);
  add_gca(m, "hist", do_hist);
  add_gca(m, "bar", do_bar);
  add_gca(m, "imshow", do_imshow);
  add_gca(m, "legend", do_legend);
  add_gca(m, "grid", do_grid);
  add_gca(m, "xlim", [](Vm& vm, AxesObj* ax, const Args& a) { return do_lim(vm, ax, a, false); });
  add_gca(m, "ylim", [](Vm& vm, AxesObj* ax, const Args& a) { return do_lim(vm, ax, a, true); });
  add_gca(m, "title", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().title, "title"); });
  add_gca(m, "xlabel", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().xlabel, "xlabel"); });
  add_gca(m, "ylabel", [](Vm& vm, AxesObj* ax, const Args& a) { return set_text(vm, a, ax->data().ylabel, "ylabel"); });
  add(m, "colorbar", do_colorbar);
  add(m, "subplots", do_subplots);
  add(m, "figure", do_figure);
  add(m, "close", do_close);
  add(m, "subplot", [](Vm& vm, const Args& a) -> ObjRef {
    Kwargs kw(a, "Axes");
    kw.finish();
    return ObjRef(subplot(vm, gcf(vm), Args{a.pos, a.npos, nullptr, nullptr}));
  });
  add(m, "suptitle", [](Vm& vm, const Args& a) -> ObjRef { return set_text(vm, a, gcf(vm)->st->data.suptitle, "suptitle"); });
  add(m, "gcf", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "gcf", 0, 0);
    return ObjRef(gcf(vm));
  });
  add(m, "gca", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "gca", 0, 0);
    return ObjRef(gca(vm));
  });
  add(m, "show", [](Vm& vm, const Args&) -> ObjRef {
    show_open_figures(vm);
    return ObjRef(none());
  });
  add(m, "tight_layout", [](Vm&, const Args&) -> ObjRef { return ObjRef(none()); });
  add(m, "savefig", [](Vm&, const Args&) -> ObjRef { savefig_error(); });
  add(m, "clf", [](Vm& vm, const Args&) -> ObjRef {
    FigureObj* f = gcf(vm);
    f->axes.clear();
    f->st->data.axes.clear();
    f->st->line_cycle.clear();
    f->st->patch_cycle.clear();
    f->st->current_axes = -1;
    f->st->data.suptitle.clear();
    return ObjRef(none());
  });
  add(m, "get_fignums", [](Vm& vm, const Args&) -> ObjRef {
    std::vector<ObjRef> nums;
    for (const auto& f : plot_state(vm).open) nums.push_back(make_int(f->st->data.id));
    std::sort(nums.begin(), nums.end(), [](const ObjRef& x, const ObjRef& y) { return int_value(x.get()) < int_value(y.get()); });
    return make_list(std::move(nums));
  });
}

}  // namespace lesson::python
