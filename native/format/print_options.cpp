#include "format/print_options.hpp"

namespace lesson::format {

PrintOptions& print_options() {
  static PrintOptions options;
  return options;
}

void set_print_options(const PrintOptionsUpdate& update, PrintOptions& options) {
  if (update.profile) {
    const std::string& profile = *update.profile;
    if (profile == "default") {
      options.precision = 4;
      options.threshold = 1000;
      options.edgeitems = 3;
      options.linewidth = 80;
    } else if (profile == "short") {
      options.precision = 2;
      options.threshold = 1000;
      options.edgeitems = 2;
      options.linewidth = 80;
    } else if (profile == "full") {
      options.precision = 4;
      options.threshold = kThresholdInfinite;
      options.edgeitems = 3;
      options.linewidth = 80;
    }
  }
  if (update.precision) options.precision = *update.precision;
  if (update.threshold) options.threshold = *update.threshold;
  if (update.edgeitems) options.edgeitems = *update.edgeitems;
  if (update.linewidth) options.linewidth = *update.linewidth;
  options.sci_mode = update.sci_mode;
}

}  // namespace lesson::format
