// SVG drawing of a recorded figure, for the native CLI (the page draws the
// same JSON itself). The layout follows matplotlib's defaults: subplot
// margins left 0.125, right 0.9, bottom 0.11, top 0.88, spacing 0.2; 5 %
// data margins for lines and scatter; bars and histograms stand on zero;
// images fill their axes with pixel centres on integers and y pointing down.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "python/figure.hpp"

namespace lesson::python {

namespace {

constexpr double kDpi = 100;

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return lo > hi; }
};

// Evenly spaced "nice" ticks (steps 1, 2, 2.5, 5 x 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int max_ticks = 8) {
  std::vector<double> ticks;
  if (!(hi > lo)) return {lo};
  double span = hi - lo;
  double raw = span / max_ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * mag;
    if (span / step <= max_ticks) break;
  }
  double first = std::ceil(lo / step - 1e-9) * step;
  for (double t = first; t <= hi + step * 1e-9; t += step) {
    double r = std::round(t / step) * step;
    ticks.push_back(std::fabs(r) < step * 1e-9 ? 0.0 : r);
    if (ticks.size() > 50) break;
  }
  return ticks;
}

std::string tick_label(double v, double step) {
  char buf[32];
  int decimals = 0;
  if (step > 0 && step < 1) decimals = static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  if (step > 0 && std::fabs(std::round(step * std::pow(10, decimals)) - step * std::pow(10, decimals)) > 1e-6)
    ++decimals;  // 2.5 x 10^k
  decimals = std::min(decimals, 8);
  if (std::fabs(v) >= 1e6 || (std::fabs(v) < 1e-4 && v != 0)) std::snprintf(buf, sizeof buf, "%.3g", v);
  else std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s[0] == '-') s = "\u2212" + s.substr(1);  // matplotlib's minus sign
  return s;
}

struct Rgb {
  double r, g, b;
};

Rgb colormap(const std::string& name, double t) {
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  if (name == "gray" || name == "grey") return {t, t, t};
  static const Rgb viridis[] = {{68, 1, 84},    {72, 36, 117},  {65, 68, 135},  {53, 95, 141},
                                {42, 120, 142}, {33, 145, 140}, {34, 168, 132}, {68, 191, 112},
                                {122, 209, 81}, {189, 223, 38}, {253, 231, 37}};
  double pos = t * 10;
  int i = std::min(9, static_cast<int>(pos));
  double f = pos - i;
  const Rgb& a = viridis[i];
  const Rgb& b = viridis[i + 1];
  return {(a.r + (b.r - a.r) * f) / 255, (a.g + (b.g - a.g) * f) / 255, (a.b + (b.b - a.b) * f) / 255};
}

std::string hex(Rgb c) {
  char buf[8];
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

std::string dasharray(const std::string& ls, double lw) {
  if (ls == "--") return px(3.7 * lw) + "," + px(1.6 * lw);
  if (ls == ":") return px(1 * lw) + "," + px(1.65 * lw);
  if (ls == "-.") return px(6.4 * lw) + "," + px(1.6 * lw) + "," + px(1 * lw) + "," + px(1.6 * lw);
  return "";
}

class AxesPainter {
 public:
  AxesPainter(std::string& out, const AxesData& a, double x0, double y0, double w, double h, int clip)
      : out_(out), a_(a), x0_(x0), y0_(y0), w_(w), h_(h), clip_(clip) {}

  void paint() {
    limits();
    out_ += "<g class=\"axes\">\n";
    out_ += "<rect x=\"" + px(x0_) + "\" y=\"" + px(y0_) + "\" width=\"" + px(w_) + "\" height=\"" + px(h_) +
            "\" fill=\"#ffffff\"/>\n";
    out_ += "<clipPath id=\"clip" + std::to_string(clip_id()) + "\"><rect x=\"" + px(x0_) + "\" y=\"" + px(y0_) +
            "\" width=\"" + px(w_) + "\" height=\"" + px(h_) + "\"/></clipPath>\n";
    ticks_and_grid();
    out_ += "<g clip-path=\"url(#clip" + std::to_string(clip_id()) + ")\">\n";
    for (const Series& s : a_.series) series(s);
    out_ += "</g>\n";
    out_ += "<rect x=\"" + px(x0_) + "\" y=\"" + px(y0_) + "\" width=\"" + px(w_) + "\" height=\"" + px(h_) +
            "\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n";
    labels();
    if (a_.legend) legend();
    for (const Series& s : a_.series)
      if (s.kind == SeriesKind::Image && s.colorbar) colorbar(s);
    out_ += "</g>\n";
  }

 private:
  std::string& out_;
  const AxesData& a_;
  double x0_, y0_, w_, h_;
  double xlo_ = 0, xhi_ = 1, ylo_ = 0, yhi_ = 1;
  std::vector<std::string> categories_;
  int clip_;  // this axes' clipPath id within the SVG

  int clip_id() const { return clip_; }

  double sx(double x) const { return x0_ + (x - xlo_) / (xhi_ - xlo_) * w_; }
  double sy(double y) const { return y0_ + h_ - (y - ylo_) / (yhi_ - ylo_) * h_; }

  void limits() {
    Range xr, yr;
    bool sticky_y0 = false, image = false;
    for (const Series& s : a_.series) {
      switch (s.kind) {
        case SeriesKind::Line:
        case SeriesKind::Scatter:
          for (double v : s.x) xr.add(v);
          for (double v : s.y) yr.add(v);
          break;
        case SeriesKind::Bar:
          for (std::size_t i = 0; i < s.y.size(); ++i) {
            double c = s.x_labels.empty() ? (i < s.x.size() ? s.x[i] : static_cast<double>(i)) : static_cast<double>(i);
            xr.add(c - s.width / 2);
            xr.add(c + s.width / 2);
            yr.add(s.y[i]);
          }
          if (!s.x_labels.empty()) categories_ = s.x_labels;
          yr.add(0);
          sticky_y0 = true;
          break;
        case SeriesKind::Hist:
          for (double v : s.edges) xr.add(v);
          for (double v : s.counts) yr.add(v);
          yr.add(0);
          sticky_y0 = true;
          break;
        case SeriesKind::Image:
          xr.add(-0.5), xr.add(s.cols - 0.5);
          yr.add(-0.5), yr.add(s.rows - 0.5);
          image = true;
          break;
      }
    }
    if (xr.empty()) xr.lo = 0, xr.hi = 1;
    if (yr.empty()) yr.lo = 0, yr.hi = 1;
    if (xr.lo == xr.hi) xr.lo -= 0.5, xr.hi += 0.5;
    if (yr.lo == yr.hi) yr.lo -= 0.5, yr.hi += 0.5;
    if (!image) {
      double mx = (xr.hi - xr.lo) * 0.05, my = (yr.hi - yr.lo) * 0.05;
      xr.lo -= mx, xr.hi += mx;
      if (!(sticky_y0 && yr.lo == 0)) yr.lo -= my;
      yr.hi += my;
    }
    xlo_ = xr.lo, xhi_ = xr.hi, ylo_ = yr.lo, yhi_ = yr.hi;
    if (image) std::swap(ylo_, yhi_);  // row 0 at the top, as imshow draws it
    if (a_.xlim) xlo_ = a_.xlim->first, xhi_ = a_.xlim->second;
    if (a_.ylim) ylo_ = a_.ylim->first, yhi_ = a_.ylim->second;
    if (xhi_ == xlo_) xhi_ = xlo_ + 1;
    if (yhi_ == ylo_) yhi_ = ylo_ + 1;
  }

  void ticks_and_grid() {
    auto lohi = [](double a, double b) { return std::make_pair(std::min(a, b), std::max(a, b)); };
    // x
    std::vector<double> xt;
    std::vector<std::string> xl;
    if (!categories_.empty()) {
      for (std::size_t i = 0; i < categories_.size(); ++i) xt.push_back(static_cast<double>(i)), xl.push_back(categories_[i]);
    } else {
      auto [lo, hi] = lohi(xlo_, xhi_);
      xt = nice_ticks(lo, hi);
      double step = xt.size() > 1 ? xt[1] - xt[0] : 1;
      for (double t : xt) xl.push_back(tick_label(t, step));
    }
    auto [ylo, yhi] = lohi(ylo_, yhi_);
    std::vector<double> yt = nice_ticks(ylo, yhi, 7);
    double ystep = yt.size() > 1 ? yt[1] - yt[0] : 1;
    for (std::size_t i = 0; i < xt.size(); ++i) {
      double X = sx(xt[i]);
      if (X < x0_ - 0.5 || X > x0_ + w_ + 0.5) continue;
      if (a_.grid)
        out_ += "<line x1=\"" + px(X) + "\" y1=\"" + px(y0_) + "\" x2=\"" + px(X) + "\" y2=\"" + px(y0_ + h_) +
                "\" stroke=\"#b0b0b0\" stroke-width=\"0.8\"/>\n";
      out_ += "<line x1=\"" + px(X) + "\" y1=\"" + px(y0_ + h_) + "\" x2=\"" + px(X) + "\" y2=\"" + px(y0_ + h_ + 3.5) +
              "\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n";
      out_ += "<text x=\"" + px(X) + "\" y=\"" + px(y0_ + h_ + 15) +
              "\" font-size=\"10\" text-anchor=\"middle\">" + esc(xl[i]) + "</text>\n";
    }
    for (double t : yt) {
      double Y = sy(t);
      if (Y < y0_ - 0.5 || Y > y0_ + h_ + 0.5) continue;
      if (a_.grid)
        out_ += "<line x1=\"" + px(x0_) + "\" y1=\"" + px(Y) + "\" x2=\"" + px(x0_ + w_) + "\" y2=\"" + px(Y) +
                "\" stroke=\"#b0b0b0\" stroke-width=\"0.8\"/>\n";
      out_ += "<line x1=\"" + px(x0_ - 3.5) + "\" y1=\"" + px(Y) + "\" x2=\"" + px(x0_) + "\" y2=\"" + px(Y) +
              "\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n";
      out_ += "<text x=\"" + px(x0_ - 6) + "\" y=\"" + px(Y + 3.5) + "\" font-size=\"10\" text-anchor=\"end\">" +
              esc(tick_label(t, ystep)) + "</text>\n";
    }
  }

  void marker(const std::string& m, double X, double Y, double r, const std::string& color) {
    if (m == "s") {
      out_ += "<rect x=\"" + px(X - r) + "\" y=\"" + px(Y - r) + "\" width=\"" + px(2 * r) + "\" height=\"" +
              px(2 * r) + "\" fill=\"" + color + "\"/>\n";
    } else if (m == "^" || m == "v") {
      double d = m == "^" ? -r : r;
      out_ += "<path d=\"M" + px(X) + " " + px(Y + d) + "L" + px(X - r) + " " + px(Y - d) + "L" + px(X + r) + " " +
              px(Y - d) + "Z\" fill=\"" + color + "\"/>\n";
    } else if (m == "x" || m == "+") {
      double a = m == "x" ? r * 0.8 : 0;
      double b = m == "x" ? r * 0.8 : r;
      out_ += "<path d=\"M" + px(X - b) + " " + px(Y - a) + "L" + px(X + b) + " " + px(Y + a) + "M" +
              px(X - a) + " " + px(Y + b) + "L" + px(X + a) + " " + px(Y - b) + "\" stroke=\"" + color +
              "\" stroke-width=\"1.5\" fill=\"none\"/>\n";
    } else if (m == "d" || m == "D") {
      out_ += "<path d=\"M" + px(X) + " " + px(Y - r) + "L" + px(X + r * 0.7) + " " + px(Y) + "L" + px(X) + " " +
              px(Y + r) + "L" + px(X - r * 0.7) + " " + px(Y) + "Z\" fill=\"" + color + "\"/>\n";
    } else {
      out_ += "<circle cx=\"" + px(X) + "\" cy=\"" + px(Y) + "\" r=\"" + px(m == "." ? r * 0.5 : r) + "\" fill=\"" +
              color + "\"/>\n";
    }
  }

  void series(const Series& s) {
    switch (s.kind) {
      case SeriesKind::Line: {
        if (!s.linestyle.empty() && s.linestyle != "None" && s.linestyle != " ") {
          std::string d;
          bool pen_down = false;
          for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) {
              pen_down = false;
              continue;
            }
            d += (pen_down ? "L" : "M") + px(sx(s.x[i])) + " " + px(sy(s.y[i]));
            pen_down = true;
          }
          std::string dash = dasharray(s.linestyle, s.linewidth);
          out_ += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + s.color + "\" stroke-width=\"" +
                  px(s.linewidth * kDpi / 72) + "\" stroke-linejoin=\"round\" stroke-linecap=\"square\"" +
                  (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
        }
        if (!s.marker.empty())
          for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
            if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) marker(s.marker, sx(s.x[i]), sy(s.y[i]), 4.2, s.color);
        break;
      }
      case SeriesKind::Scatter: {
        double r = std::sqrt(std::max(s.size, 0.0)) / 2 * kDpi / 72;
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
          if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) marker("o", sx(s.x[i]), sy(s.y[i]), r, s.color);
        break;
      }
      case SeriesKind::Bar:
        for (std::size_t i = 0; i < s.y.size(); ++i) {
          double c = s.x_labels.empty() ? (i < s.x.size() ? s.x[i] : static_cast<double>(i)) : static_cast<double>(i);
          rect(c - s.width / 2, c + s.width / 2, 0, s.y[i], s.color);
        }
        break;
      case SeriesKind::Hist:
        for (std::size_t i = 0; i < s.counts.size() && i + 1 < s.edges.size(); ++i)
          rect(s.edges[i], s.edges[i + 1], 0, s.counts[i], s.color);
        break;
      case SeriesKind::Image: {
        double span = s.vmax - s.vmin;
        for (int r = 0; r < s.rows; ++r)
          for (int c = 0; c < s.cols; ++c) {
            double v = s.data[static_cast<std::size_t>(r) * s.cols + c];
            double t = span > 0 ? (v - s.vmin) / span : 0;
            double X0 = sx(c - 0.5), X1 = sx(c + 0.5), Y0 = sy(r - 0.5), Y1 = sy(r + 0.5);
            out_ += "<rect x=\"" + px(std::min(X0, X1)) + "\" y=\"" + px(std::min(Y0, Y1)) + "\" width=\"" +
                    px(std::fabs(X1 - X0) + 0.3) + "\" height=\"" + px(std::fabs(Y1 - Y0) + 0.3) + "\" fill=\"" +
                    (std::isfinite(v) ? hex(colormap(s.cmap, t)) : std::string("#ffffff")) + "\"/>\n";
          }
        break;
      }
    }
  }

  void rect(double xa, double xb, double ya, double yb, const std::string& color) {
    if (!std::isfinite(xa) || !std::isfinite(xb) || !std::isfinite(yb)) return;
    double X0 = sx(xa), X1 = sx(xb), Y0 = sy(ya), Y1 = sy(yb);
    out_ += "<rect x=\"" + px(std::min(X0, X1)) + "\" y=\"" + px(std::min(Y0, Y1)) + "\" width=\"" +
            px(std::fabs(X1 - X0)) + "\" height=\"" + px(std::fabs(Y1 - Y0)) + "\" fill=\"" + color + "\"/>\n";
  }

  void labels() {
    if (!a_.title.empty())
      out_ += "<text x=\"" + px(x0_ + w_ / 2) + "\" y=\"" + px(y0_ - 8) +
              "\" font-size=\"12\" text-anchor=\"middle\">" + esc(a_.title) + "</text>\n";
    if (!a_.xlabel.empty())
      out_ += "<text x=\"" + px(x0_ + w_ / 2) + "\" y=\"" + px(y0_ + h_ + 32) +
              "\" font-size=\"10\" text-anchor=\"middle\">" + esc(a_.xlabel) + "</text>\n";
    if (!a_.ylabel.empty())
      out_ += "<text transform=\"translate(" + px(x0_ - 40) + " " + px(y0_ + h_ / 2) +
              ") rotate(-90)\" font-size=\"10\" text-anchor=\"middle\">" + esc(a_.ylabel) + "</text>\n";
  }

  void legend() {
    std::vector<const Series*> entries;
    for (const Series& s : a_.series)
      if (!s.label.empty() && s.label[0] != '_' && s.kind != SeriesKind::Image) entries.push_back(&s);
    if (entries.empty()) return;
    std::size_t longest = 0;
    for (const Series* s : entries) longest = std::max(longest, s->label.size());
    double bw = 40 + 6.2 * static_cast<double>(longest), bh = 8 + 17 * static_cast<double>(entries.size());
    double bx = x0_ + w_ - bw - 6, by = y0_ + 6;
    out_ += "<rect x=\"" + px(bx) + "\" y=\"" + px(by) + "\" width=\"" + px(bw) + "\" height=\"" + px(bh) +
            "\" fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"#cccccc\" rx=\"2\"/>\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Series& s = *entries[i];
      double cy = by + 12 + 17 * static_cast<double>(i);
      if (s.kind == SeriesKind::Line) {
        if (!s.linestyle.empty())
          out_ += "<line x1=\"" + px(bx + 6) + "\" y1=\"" + px(cy) + "\" x2=\"" + px(bx + 26) + "\" y2=\"" + px(cy) +
                  "\" stroke=\"" + s.color + "\" stroke-width=\"" + px(s.linewidth * kDpi / 72) + "\"/>\n";
        if (!s.marker.empty()) marker(s.marker, bx + 16, cy, 4, s.color);
      } else if (s.kind == SeriesKind::Scatter) {
        marker("o", bx + 16, cy, 4, s.color);
      } else {
        out_ += "<rect x=\"" + px(bx + 8) + "\" y=\"" + px(cy - 5) + "\" width=\"16\" height=\"10\" fill=\"" +
                s.color + "\"/>\n";
      }
      out_ += "<text x=\"" + px(bx + 32) + "\" y=\"" + px(cy + 3.5) + "\" font-size=\"10\">" + esc(s.label) +
              "</text>\n";
    }
  }

  void colorbar(const Series& s) {
    double bx = x0_ + w_ + 12, bw = std::max(8.0, w_ * 0.05);
    const int steps = 64;
    for (int i = 0; i < steps; ++i) {
      double t0 = static_cast<double>(i) / steps;
      out_ += "<rect x=\"" + px(bx) + "\" y=\"" + px(y0_ + h_ - (t0 + 1.0 / steps) * h_) + "\" width=\"" + px(bw) +
              "\" height=\"" + px(h_ / steps + 0.3) + "\" fill=\"" + hex(colormap(s.cmap, t0 + 0.5 / steps)) +
              "\"/>\n";
    }
    out_ += "<rect x=\"" + px(bx) + "\" y=\"" + px(y0_) + "\" width=\"" + px(bw) + "\" height=\"" + px(h_) +
            "\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n";
    if (!(s.vmax > s.vmin)) return;
    std::vector<double> ticks = nice_ticks(s.vmin, s.vmax, 6);
    double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    for (double t : ticks) {
      double Y = y0_ + h_ - (t - s.vmin) / (s.vmax - s.vmin) * h_;
      out_ += "<line x1=\"" + px(bx + bw) + "\" y1=\"" + px(Y) + "\" x2=\"" + px(bx + bw + 3.5) + "\" y2=\"" + px(Y) +
              "\" stroke=\"#000000\" stroke-width=\"0.8\"/>\n";
      out_ += "<text x=\"" + px(bx + bw + 6) + "\" y=\"" + px(Y + 3.5) + "\" font-size=\"10\">" +
              esc(tick_label(t, step)) + "</text>\n";
    }
  }
};

}  // namespace

std::string figure_to_svg(const FigureData& fig) {
  double W = fig.width * kDpi, H = fig.height * kDpi;
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(W) + "\" height=\"" + px(H) + "\" viewBox=\"0 0 " +
         px(W) + " " + px(H) + "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (!fig.suptitle.empty())
    out += "<text x=\"" + px(W / 2) + "\" y=\"" + px(H * 0.04 + 10) + "\" font-size=\"13\" text-anchor=\"middle\">" +
           esc(fig.suptitle) + "</text>\n";
  // matplotlib's SubplotParams defaults.
  const double left = 0.125, right = 0.9, bottom = 0.11, top = 0.88, wspace = 0.2, hspace = 0.2;
  int clip = 0;
  for (const AxesData& a : fig.axes) {
    int nr = std::max(1, a.nrows), nc = std::max(1, a.ncols);
    double cell_w = (right - left) * W / (nc + wspace * (nc - 1));
    double cell_h = (top - bottom) * H / (nr + hspace * (nr - 1));
    double x0 = left * W + a.col * cell_w * (1 + wspace);
    double y0 = (1 - top) * H + a.row * cell_h * (1 + hspace);
    AxesPainter(out, a, x0, y0, cell_w, cell_h, ++clip).paint();
  }
  out += "</svg>\n";
  return out;
}

}  // namespace lesson::python
