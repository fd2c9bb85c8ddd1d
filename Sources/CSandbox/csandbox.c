// The sandbox launcher: the part of starting a program that must run between fork and exec, where only system
// calls are allowed. Everything is prepared by the Swift caller (`Sandbox`); this file only sequences the calls.
#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MSG_PID = 1, MSG_STATUS = 2, MSG_ERROR = 3 };

typedef struct {
    int kind;
    int value;
    char text[152];
} cs_message;

static void send_message(int fd, int kind, int value, const char *text) {
    cs_message m;
    memset(&m, 0, sizeof m);
    m.kind = kind;
    m.value = value;
    if (text) {
        size_t n = strlen(text);
        if (n >= sizeof m.text) n = sizeof m.text - 1;
        memcpy(m.text, text, n);
    }
    ssize_t ignored = write(fd, &m, sizeof m);
    (void)ignored;
}

static void fail(int fd, const char *step, int value) {
    send_message(fd, MSG_ERROR, value, step);
    _exit(127);
}

static int set_limit(int resource, unsigned long long value) {
    if (value == 0) return 0;
    struct rlimit limit = {(rlim_t)value, (rlim_t)value};
    return setrlimit(resource, &limit);
}

static void close_from(int first, int keep) {
    // close_range(2) where the kernel has it, a loop otherwise.
    if (keep < first) {
        if (syscall(SYS_close_range, first, ~0U, 0) == 0) return;
    } else if (syscall(SYS_close_range, first, keep - 1, 0) == 0 && syscall(SYS_close_range, keep + 1, ~0U, 0) == 0) {
        return;
    }
    for (int fd = first; fd < 4096; fd++) if (fd != keep) close(fd);
}

static void redirect(int fd, const char *path, int flags, int status) {
    if (!path) return;
    int opened = open(path, flags | O_CLOEXEC, 0600);
    if (opened < 0) fail(status, "open a standard stream", errno);
    if (dup3(opened, fd, 0) < 0) fail(status, "redirect a standard stream", errno);
    close(opened);
}

// The program's own process: in the new namespaces (if any), becomes the program.
static void run_program(const cs_spec *spec, int status) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    redirect(0, spec->stdin_path, O_RDONLY, status);
    redirect(1, spec->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, status);
    redirect(2, spec->stderr_path, O_WRONLY | O_CREAT | O_TRUNC, status);
    if (spec->isolation == CS_ISOLATE_NAMESPACES) {
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) fail(status, "make mounts private", errno);
        for (int i = 0; i < spec->bind_count; i++) {
            if (mount(spec->bind_sources[i], spec->bind_targets[i], NULL, MS_BIND | MS_REC, NULL) < 0)
                fail(status, "bind-mount a read-only path", errno);
            if (mount(NULL, spec->bind_targets[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID, NULL) < 0)
                fail(status, "remount a bind read-only", errno);
        }
        if (spec->tmpfs_target) {
            char options[64];
            // "size=<bytes>,mode=0777" without printf (not async-signal-safe).
            char digits[24];
            int n = 0;
            unsigned long v = spec->tmpfs_bytes;
            do { digits[n++] = (char)('0' + v % 10); v /= 10; } while (v && n < 23);
            int k = 0;
            const char *prefix = "size=";
            for (const char *p = prefix; *p; p++) options[k++] = *p;
            while (n) options[k++] = digits[--n];
            const char *suffix = ",mode=0777";
            for (const char *p = suffix; *p; p++) options[k++] = *p;
            options[k] = 0;
            if (mount("tmpfs", spec->tmpfs_target, "tmpfs", MS_NOSUID | MS_NODEV, options) < 0)
                fail(status, "mount the working tmpfs", errno);
        }
        if (chroot(spec->root) < 0) fail(status, "chroot", errno);
        if (chdir(spec->workdir) < 0) fail(status, "enter the working directory", errno);
        if (setgroups(0, NULL) < 0) fail(status, "drop supplementary groups", errno);
        if (setgid(spec->gid) < 0) fail(status, "setgid", errno);
        if (setuid(spec->uid) < 0) fail(status, "setuid", errno);
        prctl(PR_SET_PDEATHSIG, SIGKILL); // cleared by the change of user
    } else {
        if (chdir(spec->workdir) < 0) fail(status, "enter the working directory", errno);
    }
    if (set_limit(RLIMIT_CPU, spec->cpu_seconds) < 0) fail(status, "RLIMIT_CPU", errno);
    if (set_limit(RLIMIT_AS, spec->address_space) < 0) fail(status, "RLIMIT_AS", errno);
    if (set_limit(RLIMIT_FSIZE, spec->file_size) < 0) fail(status, "RLIMIT_FSIZE", errno);
    if (set_limit(RLIMIT_NOFILE, spec->open_files) < 0) fail(status, "RLIMIT_NOFILE", errno);
    if (set_limit(RLIMIT_NPROC, spec->processes) < 0) fail(status, "RLIMIT_NPROC", errno);
    set_limit(RLIMIT_CORE, 0);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    // Default dispositions and an empty mask, whatever the harness's threads had.
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    for (int s = 1; s < NSIG; s++) if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_DFL);
    close_from(3, status);
    execve(spec->path, spec->argv, spec->envp);
    fail(status, "execve the interpreter", errno);
}

pid_t cs_spawn(const cs_spec *spec, int *status_fd) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) < 0) return -errno;
    pid_t launcher = fork();
    if (launcher < 0) {
        int saved = errno;
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return -saved;
    }
    if (launcher == 0) {
        int status = pipe_fds[1];
        close(pipe_fds[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (setsid() < 0) fail(status, "setsid", errno);
        if (spec->isolation == CS_ISOLATE_NAMESPACES) {
            if (unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS) < 0)
                fail(status, "unshare namespaces", errno);
        }
        pid_t program = fork();
        if (program < 0) fail(status, "fork the program", errno);
        if (program == 0) run_program(spec, status);
        send_message(status, MSG_PID, program, NULL);
        close_from(3, status);
        int wstatus = 0;
        while (waitpid(program, &wstatus, 0) < 0 && errno == EINTR) {}
        send_message(status, MSG_STATUS, wstatus, NULL);
        _exit(0);
    }
    close(pipe_fds[1]);
    *status_fd = pipe_fds[0];
    return launcher;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void read_messages(int fd, cs_outcome *out, pid_t *program, int *have_status) {
    cs_message m;
    for (;;) {
        ssize_t n = read(fd, &m, sizeof m);
        if (n < 0 && errno == EINTR) continue;
        if (n != (ssize_t)sizeof m) return;
        if (m.kind == MSG_PID) {
            *program = m.value;
        } else if (m.kind == MSG_STATUS) {
            *have_status = 1;
            if (WIFEXITED(m.value)) {
                out->exited = 1;
                out->exit_code = WEXITSTATUS(m.value);
            } else if (WIFSIGNALED(m.value)) {
                out->signal = WTERMSIG(m.value);
            }
        } else if (m.kind == MSG_ERROR) {
            out->setup_failed = 1;
            memcpy(out->setup_error, m.text, sizeof m.text);
            out->exit_code = m.value; // the errno of the failed step
        }
        if (m.kind != MSG_PID) continue;
        return; // the pid comes first; the rest is read after the launcher ends
    }
}

int cs_wait(pid_t launcher, int status_fd, long timeout_ms, cs_outcome *out) {
    memset(out, 0, sizeof *out);
    double start = now_seconds();
    pid_t program = 0;
    int have_status = 0;
    read_messages(status_fd, out, &program, &have_status);
    int pidfd = (int)syscall(SYS_pidfd_open, launcher, 0);
    int finished = 0;
    if (pidfd >= 0) {
        for (;;) {
            long left = timeout_ms - (long)((now_seconds() - start) * 1000);
            if (left <= 0) break;
            struct pollfd p = {pidfd, POLLIN, 0};
            int r = poll(&p, 1, (int)(left > 1000000 ? 1000000 : left));
            if (r > 0) { finished = 1; break; }
            if (r < 0 && errno != EINTR) break;
        }
        close(pidfd);
    } else {
        // No pidfd: poll the launcher every millisecond.
        while ((now_seconds() - start) * 1000 < timeout_ms) {
            int ws;
            pid_t r = waitpid(launcher, &ws, WNOHANG);
            if (r == launcher) {
                finished = 2;
                break;
            }
            struct timespec ms = {0, 1000000};
            nanosleep(&ms, NULL);
        }
    }
    if (!finished) {
        out->timed_out = 1;
        // The program is the init of its PID namespace (when namespaces are used): killing it kills everything it
        // started. Without namespaces the launcher's process group holds the program and its children.
        if (program > 0) kill(program, SIGKILL);
        kill(-launcher, SIGKILL);
        kill(launcher, SIGKILL);
    }
    if (finished != 2) {
        int ws;
        while (waitpid(launcher, &ws, 0) < 0 && errno == EINTR) {}
    }
    // Without namespaces, children the program left in its group are ended too.
    kill(-launcher, SIGKILL);
    read_messages(status_fd, out, &program, &have_status);
    read_messages(status_fd, out, &program, &have_status);
    close(status_fd);
    out->wall_seconds = now_seconds() - start;
    return 0;
}
