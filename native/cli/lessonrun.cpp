// lessonrun: the native command-line front end of the lesson runtime.
//   lessonrun FILE.py          runs a file like `python3 FILE.py`: output on
//                              stdout, the traceback on stderr, exit status 1
//                              on an uncaught exception. Figures shown by
//                              matplotlib are written as figure-N.svg.
//   lessonrun --lesson PATH..  runs every cell of each lesson (a .md file, or
//                              every .md file of a directory) in one
//                              namespace and compares each cell's output with
//                              the output recorded in the lesson.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/version.hpp"
#include "lesson/lesson_check.hpp"
#include "lesson/lesson_file.hpp"
#include "python/figure.hpp"
#include "python/interpreter.hpp"

namespace fs = std::filesystem;
namespace py = lesson::python;
namespace lf = lesson::lessonfile;

namespace {

void print_usage(std::ostream& out) {
  out << "usage: lessonrun [--version] [--help] [--figures DIR] FILE.py\n"
         "       lessonrun [--figures DIR] [--time-budget SECONDS] --lesson LESSON.md|DIR ...\n"
         "\n"
         "Native front end of the lesson runtime.\n"
         "  FILE.py              run a Python file with the lesson runtime's interpreter;\n"
         "                       figures are written as figure-N.svg (in DIR with --figures)\n"
         "  --lesson PATH ...    run every cell of each lesson (a .md file, or each .md file\n"
         "                       of a directory) and compare its output with the lesson's\n"
         "  --figures DIR        where figure SVG files go (with --lesson: only when given)\n"
         "  --time-budget S      stop a lesson cell that runs longer than S seconds\n"
         "  --version            print the runtime version and exit\n"
         "  --help               print this message and exit\n";
}

// CPython names the main script by its absolute path (cwd joined, not
// normalised), and so does lessonrun, so tracebacks read the same.
std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return path;
  std::string cwd = buf;
  if (cwd.empty() || cwd.back() != '/') cwd += '/';
  return cwd + path;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

// Writes each figure as DIR/figure-N.svg, N counting from 1 per run.
class FigureWriter {
 public:
  explicit FigureWriter(std::string dir) : dir_(std::move(dir)) {}
  void write(const py::FigureData& fig) {
    ++count_;
    std::string name = "figure-" + std::to_string(count_) + ".svg";
    fs::path path = dir_.empty() ? fs::path(name) : fs::path(dir_) / name;
    std::error_code ec;
    if (!dir_.empty()) fs::create_directories(dir_, ec);
    std::ofstream out(path, std::ios::binary);
    out << py::figure_to_svg(fig);
    std::fflush(stdout);
    if (out) std::fprintf(stderr, "[figure %d saved to %s]\n", count_, path.string().c_str());
    else std::fprintf(stderr, "[figure %d could not be saved to %s]\n", count_, path.string().c_str());
  }
  int count() const { return count_; }

 private:
  std::string dir_;
  int count_ = 0;
};

int run_file(const std::string& path, const std::string& figures_dir) {
  std::string source;
  if (!read_file(path, source)) {
    std::cerr << "lessonrun: can't open file '" << absolute_path(path) << "': [Errno 2] No such file or directory\n";
    return 2;
  }
  py::Interpreter interp;
  interp.set_output([](py::OutputStream s, std::string_view text) {
    if (s == py::OutputStream::Stdout) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
      std::fflush(stdout);
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
  });
  FigureWriter figures(figures_dir);
  interp.set_figure_data_sink([&figures](const py::FigureData& f) { figures.write(f); });
  py::CellResult r = interp.run_cell(source, absolute_path(path));
  interp.shutdown();
  std::fflush(stdout);
  return r.exit_code;
}

struct LessonOptions {
  std::string figures_dir;
  double time_budget = 0;
};

// Runs one lesson; prints a diff per failing cell and the summary line.
// Returns the number of failed cells (-1: the file could not be read/parsed).
int run_lesson(const fs::path& file, const LessonOptions& opt) {
  std::string name = file.stem().string();
  std::string text;
  if (!read_file(file.string(), text)) {
    std::cout << "lesson " << name << ": cannot read " << file.string() << "\n";
    return -1;
  }
  lf::Lesson lesson;
  try {
    lesson = lf::parse_lesson(text);
  } catch (const lf::LessonFormatError& e) {
    std::cout << "lesson " << name << ": " << file.string() << ": " << e.what() << "\n";
    return -1;
  }
  py::Interpreter interp;
  interp.set_time_budget(opt.time_budget);
  std::string out, err;
  interp.set_output([&](py::OutputStream s, std::string_view t) { (s == py::OutputStream::Stdout ? out : err).append(t); });
  int figures_in_cell = 0;
  FigureWriter writer(opt.figures_dir);
  interp.set_figure_data_sink([&](const py::FigureData& f) {
    ++figures_in_cell;
    if (!opt.figures_dir.empty()) writer.write(f);
  });
  int passed = 0, failed = 0, number = 0;
  for (const lf::Cell& cell : lesson.cells) {
    ++number;
    std::string filename = py::cell_filename(number);
    out.clear(), err.clear();
    figures_in_cell = 0;
    std::vector<std::string> problems;
    const bool exercise = cell.kind == lf::CellKind::Exercise;
    py::CellResult r = interp.run_cell(exercise ? *cell.solution : cell.code, filename);
    std::string actual = out + err;
    std::string expected = cell.expected.value_or("");
    bool output_ok = lf::outputs_match(expected, actual, cell.tolerance);
    if (!output_ok) problems.push_back(exercise ? "the solution's output differs" : "output differs");
    if (cell.figures && *cell.figures != figures_in_cell)
      problems.push_back("drew " + std::to_string(figures_in_cell) + " figure(s), the lesson says figures=" +
                         std::to_string(*cell.figures));
    std::string check_report;
    if (exercise) {
      if (r.status != py::CellStatus::Ok) problems.push_back("the solution raised " + r.error_type);
      out.clear(), err.clear();
      py::CellResult c = interp.run_cell(*cell.check, filename + " check");
      if (c.status != py::CellStatus::Ok) {
        problems.push_back("the check fails after the solution: " + c.error_type +
                           (c.error_message.empty() ? "" : ": " + c.error_message));
        check_report = out + err;
      }
    }
    if (problems.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::cout << "lesson " << name << ": " << (exercise ? "exercise " : "cell ") << cell.id << " (" << file.string()
              << ":" << cell.line << ") FAILED:";
    for (std::size_t i = 0; i < problems.size(); ++i) std::cout << (i ? "; " : " ") << problems[i];
    std::cout << "\n";
    if (!output_ok) {
      if (cell.tolerance) std::cout << "(numbers compared with relative tolerance " << *cell.tolerance << ")\n";
      std::cout << lf::unified_diff(expected, actual);
    }
    if (!check_report.empty()) std::cout << check_report;
  }
  std::cout << "lesson " << name << ": " << lesson.cells.size() << " cells, " << passed << " passed, " << failed
            << " failed\n";
  return failed;
}

int run_lessons(const std::vector<std::string>& paths, const LessonOptions& opt) {
  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> in_dir;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.path().extension() == ".md" && e.path().filename() != "FORMAT.md" && e.path().filename() != "README.md")
          in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::exists(p, ec)) {
      files.emplace_back(p);
    } else {
      std::cerr << "lessonrun: no such lesson file or directory: " << p << "\n";
      return 2;
    }
  }
  if (files.empty()) {
    std::cerr << "lessonrun: no lesson files found\n";
    return 2;
  }
  bool any_failed = false;
  for (const fs::path& f : files) {
    int failed = run_lesson(f, opt);
    if (failed != 0) any_failed = true;
  }
  std::cout.flush();
  return any_failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 1 && (args[0] == "--version" || args[0] == "-V")) {
    std::cout << "lessonrun " << lesson::core::kVersion << "\n";
    return 0;
  }
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    print_usage(std::cout);
    return 0;
  }
  if (args.empty()) {
    print_usage(std::cerr);
    return 2;
  }
  LessonOptions opt;
  bool lesson_mode = false;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!positional.empty() && !lesson_mode) {
      positional.push_back(a);  // arguments after FILE.py belong to the script
    } else if (a == "--lesson") {
      lesson_mode = true;
    } else if (a == "--figures" && i + 1 < args.size()) {
      opt.figures_dir = args[++i];
    } else if (a == "--time-budget" && i + 1 < args.size()) {
      char* end = nullptr;
      opt.time_budget = std::strtod(args[++i].c_str(), &end);
      if (*end != 0 || opt.time_budget < 0) {
        std::cerr << "lessonrun: --time-budget needs a number of seconds\n";
        return 2;
      }
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "lessonrun: unrecognized arguments: " << a << "\n";
      print_usage(std::cerr);
      return 2;
    } else {
      positional.push_back(a);
    }
  }
  if (lesson_mode) {
    if (positional.empty()) {
      std::cerr << "lessonrun: --lesson needs a lesson file or directory\n";
      return 2;
    }
    return run_lessons(positional, opt);
  }
  if (positional.size() != 1) {
    std::cerr << "lessonrun: unrecognized arguments:";
    for (std::size_t i = 1; i < positional.size(); ++i) std::cerr << ' ' << positional[i];
    std::cerr << "\n";
    print_usage(std::cerr);
    return 2;
  }
  return run_file(positional[0], opt.figures_dir);
}
