// Supplies std::ios_base_library_init(), which GCC 13's libstdc++ (GLIBCXX_3.4.32) added and
// libLibTorchSharp.so references. On older libstdc++ the iostreams are initialised by
// std::ios_base::Init, so constructing one (reference counted, idempotent) is equivalent.
#include <ios>

namespace std {
    void ios_base_library_init() {
        static ios_base::Init init;
    }
}
