// matplotlib.pyplot in the cell language: the figure data cells produce
// (PROTOCOL.md section 3), when figures reach the host, the JSON form, the
// SVG drawing, and the error details a cell's result carries.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "python/figure.hpp"
#include "python/interpreter.hpp"

using namespace lesson::python;

namespace {

struct PlotSession {
  Interpreter py;
  std::string out, err;
  std::vector<FigureData> figures;
  std::vector<std::string> json;
  PlotSession() {
    py.set_output([this](OutputStream s, std::string_view t) { (s == OutputStream::Stdout ? out : err).append(t); });
    py.set_figure_data_sink([this](const FigureData& f) {
      figures.push_back(f);
      json.push_back(figure_to_json(f));
    });
  }
  CellResult run(const std::string& code, int n = 1) { return py.run_cell(code, cell_filename(n)); }
};

}  // namespace

TEST_CASE("pyplot: a line plot with a format string, labels and a legend") {
  PlotSession s;
  CellResult r = s.run(
      "import matplotlib.pyplot as plt\n"
      "plt.plot([0, 1, 2], [1, 0.5, 0.25], 'r--', label='train')\n"
      "plt.plot([1, 2, 3], marker='o', linewidth=2)\n"
      "plt.title('loss')\n"
      "plt.xlabel('epoch')\n"
      "plt.ylabel('value')\n"
      "plt.grid(True)\n"
      "plt.legend()\n"
      "plt.xlim(0, 2)\n");
  REQUIRE(r.status == CellStatus::Ok);
  CHECK(s.err.empty());
  REQUIRE(s.figures.size() == 1);  // shown when the cell ends
  const FigureData& f = s.figures[0];
  CHECK(f.id == 1);
  CHECK(f.width == 6.4);
  REQUIRE(f.axes.size() == 1);
  const AxesData& a = f.axes[0];
  CHECK(a.title == "loss");
  CHECK(a.xlabel == "epoch");
  CHECK(a.ylabel == "value");
  CHECK(a.grid);
  CHECK(a.legend);
  REQUIRE(a.xlim);
  CHECK(a.xlim->second == 2);
  REQUIRE(a.series.size() == 2);
  CHECK(a.series[0].color == "#ff0000");
  CHECK(a.series[0].linestyle == "--");
  CHECK(a.series[0].label == "train");
  CHECK(a.series[1].x == std::vector<double>{0, 1, 2});
  CHECK(a.series[1].marker == "o");
  CHECK(a.series[1].linestyle == "-");
  CHECK(a.series[1].linewidth == 2);
  CHECK(a.series[1].color == "#1f77b4");  // 'r--' named its colour: the cycle did not advance
  CHECK(s.json[0] ==
        "{\"id\":1,\"width\":6.4,\"height\":4.8,\"suptitle\":\"\",\"axes\":[{\"row\":0,\"col\":0,\"nrows\":1,"
        "\"ncols\":1,\"title\":\"loss\",\"xlabel\":\"epoch\",\"ylabel\":\"value\",\"xlim\":[0,2],\"ylim\":null,"
        "\"grid\":true,\"legend\":true,\"series\":["
        "{\"kind\":\"line\",\"x\":[0,1,2],\"y\":[1,0.5,0.25],\"label\":\"train\",\"color\":\"#ff0000\","
        "\"linestyle\":\"--\",\"marker\":\"\",\"linewidth\":1.5},"
        "{\"kind\":\"line\",\"x\":[0,1,2],\"y\":[1,2,3],\"label\":\"\",\"color\":\"#1f77b4\",\"linestyle\":\"-\","
        "\"marker\":\"o\",\"linewidth\":2}]}]}");
}

TEST_CASE("pyplot: show() emits and closes; figures left open are shown when the cell ends") {
  PlotSession s;
  s.run("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\nprint(plt.get_fignums())\n");
  CHECK(s.out == "[]\n");
  CHECK(s.figures.size() == 1);
  s.run("plt.figure()\nplt.scatter([1, 2], [3, 4])\nplt.figure(figsize=(3, 2))\nplt.bar(['a', 'b'], [1, 2])\n", 2);
  REQUIRE(s.figures.size() == 3);
  CHECK(s.figures[1].id == 1);  // numbers restart once figures are closed, as in matplotlib
  CHECK(s.figures[1].axes[0].series[0].kind == SeriesKind::Scatter);
  CHECK(s.figures[1].axes[0].series[0].size == 36);
  CHECK(s.figures[2].id == 2);
  CHECK(s.figures[2].width == 3);
  const Series& bar = s.figures[2].axes[0].series[0];
  CHECK(bar.kind == SeriesKind::Bar);
  CHECK(bar.x_labels == std::vector<std::string>{"a", "b"});
  CHECK(bar.y == std::vector<double>{1, 2});
  // A cell that fails still shows what it drew.
  CellResult r = s.run("plt.plot([1])\n1 / 0\n", 3);
  CHECK(r.status == CellStatus::Error);
  CHECK(s.figures.size() == 4);
  // close() drops a figure without showing it.
  s.run("plt.plot([1])\nplt.close()\n", 4);
  CHECK(s.figures.size() == 4);
}

TEST_CASE("pyplot: subplots grid, axes indexing and per-axes colour cycles") {
  PlotSession s;
  CellResult r = s.run(
      "import matplotlib.pyplot as plt\n"
      "fig, axes = plt.subplots(2, 2, figsize=(8, 6))\n"
      "axes[0, 0].plot([1, 2])\n"
      "axes[0][1].plot([2, 1])\n"
      "axes[1, 1].plot([1, 1])\n"
      "axes[1, 1].plot([2, 2])\n"
      "axes[1, 1].scatter([1], [1])\n"
      "axes[1, 0].hist([1, 2, 2, 3], bins=3)\n"
      "axes[1, 0].set_title('h')\n"
      "fig.suptitle('grid')\n"
      "fig.tight_layout()\n");
  REQUIRE(r.status == CellStatus::Ok);
  REQUIRE(s.figures.size() == 1);
  const FigureData& f = s.figures[0];
  CHECK(f.suptitle == "grid");
  CHECK(f.width == 8);
  REQUIRE(f.axes.size() == 4);
  CHECK(f.axes[1].row == 0);
  CHECK(f.axes[1].col == 1);
  CHECK(f.axes[3].nrows == 2);
  CHECK(f.axes[0].series[0].color == "#1f77b4");
  CHECK(f.axes[1].series[0].color == "#1f77b4");  // each Axes has its own cycle
  CHECK(f.axes[3].series[1].color == "#ff7f0e");
  CHECK(f.axes[3].series[2].color == "#1f77b4");  // scatter uses the patch cycle (matplotlib 3.6)
  CHECK(f.axes[2].title == "h");
  const Series& h = f.axes[2].series[0];
  CHECK(h.kind == SeriesKind::Hist);
  CHECK(h.counts == std::vector<double>{1, 2, 1});
  REQUIRE(h.edges.size() == 4);
  CHECK(h.edges[0] == 1);
  CHECK(h.edges[3] == 3);
}

TEST_CASE("pyplot: imshow takes 2-D lists or anything with tolist(), with a colorbar") {
  PlotSession s;
  CellResult r = s.run(
      "import matplotlib.pyplot as plt\n"
      "class Grid:\n"
      "    def tolist(self):\n"
      "        return [[0, 1, 2], [3, 4, 5]]\n"
      "im = plt.imshow(Grid(), cmap='gray')\n"
      "plt.colorbar(im)\n"
      "plt.figure()\n"
      "plt.imshow([[1.0, 0.5], [0.25, 0.0]], vmin=0, vmax=2)\n"
      "plt.colorbar()\n");
  REQUIRE(r.status == CellStatus::Ok);
  REQUIRE(s.figures.size() == 2);
  const Series& img = s.figures[0].axes[0].series[0];
  CHECK(img.kind == SeriesKind::Image);
  CHECK(img.rows == 2);
  CHECK(img.cols == 3);
  CHECK(img.data == std::vector<double>{0, 1, 2, 3, 4, 5});
  CHECK(img.vmin == 0);
  CHECK(img.vmax == 5);
  CHECK(img.cmap == "gray");
  CHECK(img.colorbar);
  const Series& img2 = s.figures[1].axes[0].series[0];
  CHECK(img2.cmap == "viridis");
  CHECK(img2.vmax == 2);
  CHECK(img2.colorbar);
  CHECK(s.json[1].find("\"kind\":\"image\",\"rows\":2,\"cols\":2,\"data\":[1,0.5,0.25,0],\"vmin\":0,\"vmax\":2,"
                       "\"cmap\":\"viridis\",\"colorbar\":true") != std::string::npos);
}

TEST_CASE("pyplot: errors a learner can meet") {
  PlotSession s;
  s.run("import matplotlib.pyplot as plt\n");
  CellResult r = s.run("plt.savefig('out.png')\n", 2);
  CHECK(r.status == CellStatus::Error);
  CHECK(r.error_type == "PermissionError");
  CHECK(r.error_message.find("lessons cannot write files") != std::string::npos);
  r = s.run("plt.imshow([[1, 2], [3, 4]], cmap='hot')\n", 3);
  CHECK(r.error_type == "ValueError");
  CHECK(r.error_message.find("use 'viridis' or 'gray'") != std::string::npos);
  r = s.run("plt.plot([1, 2], color='notacolor')\n", 4);
  CHECK(r.error_type == "ValueError");
  CHECK(r.error_message == "'notacolor' is not a valid color value.");
  r = s.run("plt.plot(['a', 'b'])\n", 5);
  CHECK(r.error_type == "TypeError");
  r = s.run("import matplotlib\nprint(matplotlib.__version__)\nmatplotlib.use('Agg')\n", 6);
  CHECK(r.status == CellStatus::Ok);
  CHECK(s.out == "3.6.3\n");
}

TEST_CASE("pyplot: reset() closes the session's figures") {
  PlotSession s;
  s.run("import matplotlib.pyplot as plt\nfig = plt.figure()\nplt.plot([1])\nplt.show()\nf2 = plt.figure()\n");
  CHECK(s.figures.size() == 2);
  s.py.reset();
  s.out.clear();
  s.run("import matplotlib.pyplot as plt\nprint(plt.get_fignums(), plt.figure().number)\nplt.close('all')\n", 2);
  CHECK(s.out == "[] 1\n");
  CHECK(s.figures.size() == 2);
}

TEST_CASE("cell result: error message and the line of the innermost frame in the cell") {
  Interpreter py;
  py.set_output([](OutputStream, std::string_view) {});
  py.run_cell("def f(x):\n    return 1 / x\n", cell_filename(1));
  CellResult r = py.run_cell("y = 2\n\nf(0)\n", cell_filename(2));
  CHECK(r.status == CellStatus::Error);
  CHECK(r.error_type == "ZeroDivisionError");
  CHECK(r.error_message == "division by zero");
  CHECK(r.error_line == 3);  // the frame in cell 2, not line 2 of cell 1
  r = py.run_cell("def g():\n    raise ValueError('bad value')\ng()\n", cell_filename(3));
  CHECK(r.error_line == 2);
  CHECK(r.error_message == "bad value");
  r = py.run_cell("x = (1,\n", cell_filename(4));
  CHECK(r.status == CellStatus::SyntaxError);
  CHECK(r.error_line == 1);
  CHECK_FALSE(r.error_message.empty());
  r = py.run_cell("raise KeyError('k')\n", cell_filename(5));
  CHECK(r.error_message == "'k'");
  CHECK(r.stop_reason == 0);
  py.set_time_budget(0.05);
  r = py.run_cell("while True:\n    pass\n", cell_filename(6));
  CHECK(r.error_type == "TimeoutError");
  CHECK(r.stop_reason == 2);
  CHECK(r.error_line == 1);
  py.set_time_budget(0);
  r = py.run_cell("raise TimeoutError('mine')\n", cell_filename(7));
  CHECK(r.stop_reason == 0);  // raised by the code, not by the host
}

TEST_CASE("figure data: JSON round trip and an SVG drawing") {
  FigureData f;
  f.id = 3;
  f.suptitle = "a \"quoted\" <title>";
  AxesData a;
  a.title = "t";
  a.ylim = std::make_pair(0.0, 1.0);
  Series line;
  line.kind = SeriesKind::Line;
  line.x = {0, 1, 2};
  line.y = {0.1, std::nan(""), 0.3};
  line.color = "#1f77b4";
  line.label = "l";
  a.series.push_back(line);
  Series bar;
  bar.kind = SeriesKind::Bar;
  bar.x_labels = {"x", "y"};
  bar.y = {1, 2};
  bar.color = "#ff7f0e";
  a.series.push_back(bar);
  Series img;
  img.kind = SeriesKind::Image;
  img.rows = 1, img.cols = 2, img.data = {0, 1};
  img.colorbar = true;
  a.series.push_back(img);
  a.legend = true;
  f.axes.push_back(a);
  std::string json = figure_to_json(f);
  CHECK(json.find("\"y\":[0.1,null,0.3]") != std::string::npos);
  CHECK(json.find("\"suptitle\":\"a \\\"quoted\\\" <title>\"") != std::string::npos);
  FigureData back = figure_from_json(json);
  CHECK(figure_to_json(back) == json);
  CHECK_THROWS_AS(figure_from_json("{\"axes\":[{\"series\":[{\"kind\":\"pie\"}]}]}"), std::runtime_error);
  CHECK_THROWS_AS(figure_from_json("{"), std::runtime_error);

  std::string svg = figure_to_svg(back);
  CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"480\"") != std::string::npos);
  CHECK(svg.find("a &quot;quoted&quot; &lt;title&gt;") != std::string::npos);
  CHECK(svg.find("stroke=\"#1f77b4\"") != std::string::npos);  // the line
  CHECK(svg.find(">x</text>") != std::string::npos);            // a bar category label
  CHECK(svg.find("fill=\"#440154\"") != std::string::npos);     // viridis at vmin
  CHECK(svg.find("fill=\"#fde725\"") != std::string::npos);     // viridis at vmax
  CHECK(svg.find(">l</text>") != std::string::npos);            // legend entry
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}
