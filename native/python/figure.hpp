// Figures recorded by matplotlib.pyplot, as plain data: what the page draws
// and what the native CLI writes as SVG. The JSON form is the one of
// wasm_bindings/PROTOCOL.md section 3.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lesson::python {

enum class SeriesKind { Line, Scatter, Bar, Hist, Image };

struct Series {
  SeriesKind kind = SeriesKind::Line;
  std::string label;
  std::string color;  // "#1f77b4"
  // line, scatter, bar (bar: x are positions unless x_labels is non-empty)
  std::vector<double> x, y;
  std::vector<std::string> x_labels;  // bar with categorical x
  std::string linestyle = "-";        // line: "-", "--", "-.", ":", "" (none)
  std::string marker;                 // line: "", "o", ".", "s", "^", "x", "+", "*", "d", "v"
  double linewidth = 1.5;
  double size = 36;    // scatter: marker area in points^2
  double width = 0.8;  // bar
  // hist
  std::vector<double> edges, counts;
  // image (row-major)
  int rows = 0, cols = 0;
  std::vector<double> data;
  double vmin = 0, vmax = 1;
  std::string cmap = "viridis";
  bool colorbar = false;
};

struct AxesData {
  int row = 0, col = 0, nrows = 1, ncols = 1;
  std::string title, xlabel, ylabel;
  std::optional<std::pair<double, double>> xlim, ylim;
  bool grid = false;
  bool legend = false;
  std::vector<Series> series;
};

struct FigureData {
  int id = 1;
  double width = 6.4, height = 4.8;  // inches
  std::string suptitle;
  std::vector<AxesData> axes;
};

// matplotlib's default property cycle ("tab10").
extern const char* const kColorCycle[10];

// The JSON of PROTOCOL.md section 3 (NaN and infinities as null).
std::string figure_to_json(const FigureData& fig);
// Reads that JSON back (for hosts that receive figures as JSON, such as the
// WASM build's figureSvg). Throws std::runtime_error on malformed input.
FigureData figure_from_json(const std::string& json);

// A standalone SVG drawing of the figure (axes, ticks, series, legend,
// colorbar), 100 px per inch.
std::string figure_to_svg(const FigureData& fig);

// Shortest text that reads back as the same double ("0.1", "1e-05", "3").
std::string number_text(double v);

}  // namespace lesson::python
