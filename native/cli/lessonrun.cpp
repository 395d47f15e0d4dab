// lessonrun: the native command-line front end of the lesson runtime.
//   lessonrun FILE.py   runs a file like `python3 FILE.py`: output on stdout,
//                       the traceback on stderr, exit status 1 on an
//                       uncaught exception.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "core/version.hpp"
#include "python/interpreter.hpp"

namespace {

void print_usage(std::ostream& out) {
  out << "usage: lessonrun [--version] [--help] FILE.py\n"
         "\n"
         "Native front end of the lesson runtime.\n"
         "  FILE.py    run a Python file with the lesson runtime's interpreter\n"
         "  --version  print the runtime version and exit\n"
         "  --help     print this message and exit\n";
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

int run_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "lessonrun: can't open file '" << absolute_path(path) << "': [Errno 2] No such file or directory\n";
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  lesson::python::Interpreter py;
  py.set_output([](lesson::python::OutputStream s, std::string_view text) {
    if (s == lesson::python::OutputStream::Stdout) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
      std::fflush(stdout);
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
  });
  lesson::python::CellResult r = py.run_cell(buf.str(), absolute_path(path));
  py.shutdown();
  std::fflush(stdout);
  return r.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
    std::cout << "lessonrun " << lesson::core::kVersion << "\n";
    return 0;
  }
  if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    print_usage(std::cout);
    return 0;
  }
  if (argc == 1) {
    print_usage(std::cerr);
    return 2;
  }
  if (argc == 2 && argv[1][0] != '-') return run_file(argv[1]);
  std::cerr << "lessonrun: unrecognized arguments:";
  for (int i = 1; i < argc; ++i) {
    std::cerr << ' ' << argv[i];
  }
  std::cerr << "\n";
  print_usage(std::cerr);
  return 2;
}
