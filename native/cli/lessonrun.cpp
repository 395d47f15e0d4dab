// lessonrun: the native command-line front end of the lesson runtime.
#include <cstring>
#include <iostream>

#include "core/version.hpp"

namespace {

void print_usage(std::ostream& out) {
  out << "usage: lessonrun [--version] [--help]\n"
         "\n"
         "Native front end of the lesson runtime.\n"
         "  --version  print the runtime version and exit\n"
         "  --help     print this message and exit\n";
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
  std::cerr << "lessonrun: unrecognized arguments:";
  for (int i = 1; i < argc; ++i) {
    std::cerr << ' ' << argv[i];
  }
  std::cerr << "\n";
  print_usage(std::cerr);
  return 2;
}
