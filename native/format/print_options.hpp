// The process-wide print options that torch.set_printoptions changes.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace lesson::format {

// torch._tensor_str.PRINT_OPTS. PyTorch's "full" profile sets threshold to
// float('inf'); here that is kThresholdInfinite.
struct PrintOptions {
  int precision = 4;
  std::int64_t threshold = 1000;
  std::int64_t edgeitems = 3;
  std::int64_t linewidth = 80;
  std::optional<bool> sci_mode;  // nullopt = chosen per tensor (Python's None)
};

inline constexpr std::int64_t kThresholdInfinite = std::numeric_limits<std::int64_t>::max();

// The options every tensor is printed with unless told otherwise.
PrintOptions& print_options();

// The arguments of torch.set_printoptions; nullopt is Python's None.
struct PrintOptionsUpdate {
  std::optional<int> precision;
  std::optional<std::int64_t> threshold;
  std::optional<std::int64_t> edgeitems;
  std::optional<std::int64_t> linewidth;
  std::optional<std::string> profile;  // "default", "short" or "full"
  std::optional<bool> sci_mode;
};

// Applies an update the way torch.set_printoptions does: the profile first,
// then each given option; sci_mode is always assigned, so leaving it out
// resets it to automatic. Like PyTorch, an unknown profile name is ignored.
void set_print_options(const PrintOptionsUpdate& update, PrintOptions& options = print_options());

}  // namespace lesson::format
