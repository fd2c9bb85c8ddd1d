#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <sys/types.h>

/// How strongly a program is isolated.
enum {
    CS_ISOLATE_NONE = 0,       ///< own session and process group, rlimits, own directory; nothing else
    CS_ISOLATE_NAMESPACES = 1, ///< also new network, mount and PID namespaces, a chroot and another user (needs root)
};

/// Everything the launcher needs, prepared by the caller so that the child only makes system calls.
typedef struct {
    const char *path;                 ///< the program to execute (absolute, as seen inside the root)
    char *const *argv;                ///< NULL-terminated
    char *const *envp;                ///< NULL-terminated
    int isolation;                    ///< CS_ISOLATE_*
    const char *root;                 ///< the new root directory (namespaces only)
    const char *const *bind_sources;  ///< host paths bind-mounted read-only into the root
    const char *const *bind_targets;  ///< their mount points (host paths, under root)
    int bind_count;
    const char *tmpfs_target;         ///< a writable tmpfs mounted here (host path under root), or NULL
    unsigned long tmpfs_bytes;
    const char *workdir;              ///< the working directory (inside the root when namespaces are used)
    const char *stdin_path;           ///< opened read-only as fd 0 (host path)
    const char *stdout_path;          ///< created as fd 1 (host path)
    const char *stderr_path;          ///< created as fd 2 (host path)
    uid_t uid;                        ///< the user the program runs as (namespaces only)
    gid_t gid;
    unsigned long long cpu_seconds;   ///< RLIMIT_CPU
    unsigned long long address_space; ///< RLIMIT_AS in bytes
    unsigned long long file_size;     ///< RLIMIT_FSIZE in bytes
    unsigned long long open_files;    ///< RLIMIT_NOFILE
    unsigned long long processes;     ///< RLIMIT_NPROC (per user)
} cs_spec;

/// What became of a launched program.
typedef struct {
    int timed_out;       ///< the wall-clock limit was reached and the program was killed
    int exited;          ///< it exited normally with exit_code
    int exit_code;
    int signal;          ///< it was killed by this signal (0 if it exited)
    int setup_failed;    ///< the launcher could not set the sandbox up; setup_error names the step
    char setup_error[160];
    double wall_seconds;
} cs_outcome;

/// Starts a program in the sandbox. Returns the launcher's pid (> 0) and the read end of its status pipe in
/// *status_fd, or -errno.
pid_t cs_spawn(const cs_spec *spec, int *status_fd);

/// Waits for a launched program at most timeout_ms, killing it (and everything it started) when the time is up.
/// Returns 0, or -errno when waiting itself failed.
int cs_wait(pid_t launcher, int status_fd, long timeout_ms, cs_outcome *out);

#endif
