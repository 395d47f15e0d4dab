// The warnings module: CPython 3.11's warnings.py semantics (filters with the
// default filter list of a __main__ script, the once-per-location registry,
// simplefilter / filterwarnings / resetwarnings, catch_warnings, showwarning /
// formatwarning hooks, the "error" action), written in Python on top of two
// native helpers: the caller's location (file, line, module, source line) and
// a small regular-expression matcher for the message/module patterns.
#include <cctype>
#include <string>

#include "python/code.hpp"
#include "python/frame.hpp"
#include "python/interpreter.hpp"
#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

// ---- a small regular-expression matcher (re.match semantics: anchored at
// the start): literals, '.', classes [a-z] / [^...], escapes (\d \w \s \Z and
// escaped punctuation), the quantifiers * + ? (greedy), and '$'.

struct Rx {
  const std::string& p;
  const std::string& s;
  bool icase;

  char fold(char c) const { return icase ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c; }

  // Length of the single-character element at p[i] (".", "a", "\d", "[...]").
  std::size_t elem_len(std::size_t i) const {
    if (p[i] == '\\' && i + 1 < p.size()) return 2;
    if (p[i] == '[') {
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') {
        if (p[j] == '\\') ++j;
        ++j;
      }
      return j < p.size() ? j - i + 1 : p.size() - i;
    }
    return 1;
  }

  static bool escape_class(char e, char c) {
    auto u = static_cast<unsigned char>(c);
    switch (e) {
      case 'd': return std::isdigit(u) != 0;
      case 'D': return std::isdigit(u) == 0;
      case 'w': return std::isalnum(u) != 0 || c == '_';
      case 'W': return !(std::isalnum(u) != 0 || c == '_');
      case 's': return std::isspace(u) != 0;
      case 'S': return std::isspace(u) == 0;
      case 'n': return c == '\n';
      case 't': return c == '\t';
      default: return false;
    }
  }

  bool elem_matches(std::size_t i, std::size_t len, char c) const {
    if (p[i] == '.') return c != '\n';
    if (p[i] == '\\') {
      char e = p[i + 1];
      if (std::string("dDwWsSnt").find(e) != std::string::npos) return escape_class(e, c);
      return fold(e) == fold(c);
    }
    if (p[i] == '[') {
      std::size_t j = i + 1, end = i + len - 1;
      bool negate = false;
      if (j < end && p[j] == '^') {
        negate = true;
        ++j;
      }
      bool hit = false;
      bool first = true;
      while (j < end) {
        char lo = p[j];
        if (lo == '\\' && j + 1 < end) {
          char e = p[j + 1];
          if (std::string("dDwWsS").find(e) != std::string::npos) {
            if (escape_class(e, c)) hit = true;
            j += 2;
            first = false;
            continue;
          }
          lo = e;
          ++j;
        }
        (void)first;
        first = false;
        if (j + 2 < end && p[j + 1] == '-') {
          char hi = p[j + 2];
          if (fold(c) >= fold(lo) && fold(c) <= fold(hi)) hit = true;
          if (c >= lo && c <= hi) hit = true;
          j += 3;
        } else {
          if (fold(lo) == fold(c)) hit = true;
          ++j;
        }
      }
      return hit != negate;
    }
    return fold(p[i]) == fold(c);
  }

  bool match_here(std::size_t i, std::size_t k) const {
    if (i == p.size()) return true;
    if (p[i] == '$' && i + 1 == p.size()) return k == s.size() || (k + 1 == s.size() && s[k] == '\n');
    if (p[i] == '\\' && i + 1 < p.size() && p[i + 1] == 'Z') return k == s.size() && match_here(i + 2, k);
    if (p[i] == '^') return k == 0 && match_here(i + 1, k);
    std::size_t len = elem_len(i);
    std::size_t next = i + len;
    char q = next < p.size() ? p[next] : '\0';
    if (q == '*' || q == '+' || q == '?') {
      std::size_t min = q == '+' ? 1 : 0;
      std::size_t max = q == '?' ? 1 : std::string::npos;
      std::size_t n = 0;
      while (k + n < s.size() && n < max && elem_matches(i, len, s[k + n])) ++n;
      for (std::size_t m = n + 1; m-- > min;)
        if (match_here(next + 1, k + m)) return true;
      return false;
    }
    return k < s.size() && elem_matches(i, len, s[k]) && match_here(next, k + 1);
  }
};

bool regex_match(const std::string& pattern, const std::string& text, bool icase) {
  Rx rx{pattern, text, icase};
  return rx.match_here(0, 0);
}

// The Python part. Frames of this source are library frames: tracebacks
// (the "error" action) show only the learner's code, as with CPython's C
// implementation.
const char* const kWarningsSource = R"PY(
import sys

filters = [
    ('default', None, DeprecationWarning, '__main__\\Z', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_filters_version = 1
_registries = {}
_source_lines = {}
# (library file, function qualname) -> (filename, lineno, source line): where
# PyTorch 1.13 (Debian's python3-torch) places a warning whose frame is one of
# the runtime's own library functions, e.g. nn.MSELoss.forward.
_library_locations = {}


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _getline(filename, lineno):
    return _source_lines.get((filename, lineno), '')


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    return s


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, message or None, category, module or None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    if not isinstance(stacklevel, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(stacklevel).__name__)
    filename, lineno, module, line, qualname = _caller(stacklevel)
    where = _library_locations.get((filename, qualname))
    if where is not None:
        filename, lineno, line = where
    if line is not None:
        _source_lines[(filename, lineno)] = line
    registry = _registries.get(module)
    if registry is None:
        registry = _registries[module] = {}
    warn_explicit(message, category, filename, lineno, module, registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or _match(msg, text, True)) and
                issubclass(category, cat) and
                (mod is None or _match(mod, module, False)) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        global filters, showwarning, _showwarnmsg_impl
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters
        filters = filters[:]
        _filters_mutated()
        self._showwarning = showwarning
        self._showwarnmsg_impl = _showwarnmsg_impl
        if self._record:
            log = []
            _showwarnmsg_impl = log.append
            showwarning = _showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        global filters, showwarning, _showwarnmsg_impl
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        filters = self._filters
        _filters_mutated()
        showwarning = self._showwarning
        _showwarnmsg_impl = self._showwarnmsg_impl
)PY";

}  // namespace

void init_warnings_module(Vm& vm, Module& m) {
  // _caller(stacklevel) -> (filename, lineno, module, source line or None, qualname):
  // the frame `stacklevel` levels above the Python function that calls it
  // (warn), as CPython's setup_context; past the outermost frame: "sys", 1.
  m.dict->set_str("_caller", make_native("_caller", [](Vm& v, const Args& a) -> ObjRef {
                                 std::int64_t level = a.npos ? int_value(a[0]) : 1;
                                 Frame* f = v.frame;
                                 for (std::int64_t i = 0; f && i < level; ++i) f = f->back;
                                 if (level <= 0) f = v.frame ? v.frame->back : nullptr;
                                 if (!f)
                                   return make_tuple({make_str("sys").get(), make_int(1).get(),
                                                      make_str("sys").get(), none(), make_str("").get()});
                                 int line = f->line();
                                 std::string module = "<string>";
                                 if (Object* n = f->globals->get_str("__name__"))
                                   if (is_str(n)) module = str_value(n);
                                 ObjRef text = ObjRef(none());
                                 if (f->code->source) text = make_str(f->code->source->line(line));
                                 return make_tuple({make_str(f->code->filename()).get(), make_int(line).get(),
                                                    make_str(module).get(), text.get(),
                                                    make_str(f->code->qualname).get()});
                               })
                                 .get());
  m.dict->set_str("_match", make_native("_match", [](Vm&, const Args& a) -> ObjRef {
                                check_nargs(a, "_match", 3, 3);
                                if (!is_str(a[0]) || !is_str(a[1])) return ObjRef(make_bool(false));
                                return ObjRef(make_bool(regex_match(str_value(a[0]), str_value(a[1]), a[2] == static_cast<Object*>(&true_object))));
                              })
                                .get());
  run_module_source(vm, m, kWarningsSource, "<frozen warnings>");
}

}  // namespace lesson::python
