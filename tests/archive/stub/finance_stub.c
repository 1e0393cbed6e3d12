/*
 * A stand-in for Tencent's libWeWorkFinanceSdk_C.so (会话内容存档, doc 91774), written against the function
 * signatures the SDK documents, so the service's koffi binding runs for real in tests and the bench.
 *
 * What it serves is set through StubControl(key, value):
 *   fixture     path of a file with one chat record per line: "<seq>\t<chatdata item JSON>"; GetChatData
 *               returns the items with a seq above the one asked for, at most `limit`
 *   fail        "<code>x<count>": the next <count> GetChatData calls return <code>
 *   media_fail  the same for GetMediaData
 *   delay       "<ms>x<count>": the next <count> GetChatData calls wait <ms>; past their `timeout` they wait
 *               `timeout` seconds and return 10001, as the SDK does when the network does not answer
 *   hang        "<ms>x<count>": the next <count> GetChatData calls wait <ms> whatever their `timeout` (an SDK
 *               that does not keep its word)
 *   media_dir   directory of media files, named by sdkfileid
 *   media_chunk bytes per GetMediaData call (default 512 KiB); indexbuf is the next offset in decimal
 *   init_fail   Init returns this code
 *   reset       clears all of the above and the counters
 * StubCounter(name) reads: getchatdata, getmediadata, init, live_sdks, live_slices, live_media,
 * last_limit, last_timeout. StubLastProxy() is the proxy of the last GetChatData call.
 *
 * The "encryption" is deliberately simple: encrypt_chat_msg is base64 of the record JSON XOR'ed with the
 * random key (the string the caller got back from RSA-decrypting encrypt_random_key). DecryptData is the
 * only place that reverses it, so a wrong RSA step gives a wrong key and DecryptData fails.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct StubSdk {
  int magic;
  int initialised;
} StubSdk;

typedef struct StubSlice {
  char *buf;
  int len;
} StubSlice;

typedef struct StubMedia {
  char *outindexbuf;
  int out_len;
  char *data;
  int data_len;
  int is_finish;
} StubMedia;

#define SDK_MAGIC 0x5eed
#define ERR_PARAM 10000
#define ERR_NETWORK 10001
#define ERR_FILEID 10005
#define ERR_DECRYPT 10006

static char fixture_path[4096];
static char media_dir[4096];
static char last_proxy[1024];
static int fail_code, fail_count, media_fail_code, media_fail_count, init_fail;
static int delay_ms, delay_count, hang_ms, hang_count;
static long media_chunk = 512 * 1024;
static long n_getchatdata, n_getmediadata, n_init, live_sdks, live_slices, live_media, last_limit, last_timeout;

static void bump(long *counter, long by) { __atomic_add_fetch(counter, by, __ATOMIC_SEQ_CST); }

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
  }
}

static void copy_string(char *dst, size_t size, const char *src) {
  snprintf(dst, size, "%s", src ? src : "");
}

/* "<value>x<count>" → value and count; a bare value means once. */
static void parse_failure(const char *value, int *code, int *count) {
  char *end = NULL;
  *code = (int)strtol(value, &end, 10);
  *count = (end && *end == 'x') ? (int)strtol(end + 1, NULL, 10) : 1;
  if (*code == 0) *count = 0;
}

static int take_failure(int *code, int *count) {
  if (__atomic_load_n(count, __ATOMIC_SEQ_CST) <= 0) return 0;
  __atomic_sub_fetch(count, 1, __ATOMIC_SEQ_CST);
  return *code;
}

int StubControl(const char *key, const char *value) {
  if (!key || !value) return -1;
  if (strcmp(key, "fixture") == 0) copy_string(fixture_path, sizeof fixture_path, value);
  else if (strcmp(key, "media_dir") == 0) copy_string(media_dir, sizeof media_dir, value);
  else if (strcmp(key, "fail") == 0) parse_failure(value, &fail_code, &fail_count);
  else if (strcmp(key, "media_fail") == 0) parse_failure(value, &media_fail_code, &media_fail_count);
  else if (strcmp(key, "delay") == 0) parse_failure(value, &delay_ms, &delay_count);
  else if (strcmp(key, "hang") == 0) parse_failure(value, &hang_ms, &hang_count);
  else if (strcmp(key, "media_chunk") == 0) media_chunk = strtol(value, NULL, 10) > 0 ? strtol(value, NULL, 10) : 512 * 1024;
  else if (strcmp(key, "init_fail") == 0) init_fail = (int)strtol(value, NULL, 10);
  else if (strcmp(key, "reset") == 0) {
    fixture_path[0] = media_dir[0] = last_proxy[0] = '\0';
    fail_code = fail_count = media_fail_code = media_fail_count = init_fail = 0;
    delay_ms = delay_count = hang_ms = hang_count = 0;
    media_chunk = 512 * 1024;
    n_getchatdata = n_getmediadata = n_init = last_limit = last_timeout = 0;
  } else return -1;
  return 0;
}

long StubCounter(const char *name) {
  if (strcmp(name, "getchatdata") == 0) return n_getchatdata;
  if (strcmp(name, "getmediadata") == 0) return n_getmediadata;
  if (strcmp(name, "init") == 0) return n_init;
  if (strcmp(name, "live_sdks") == 0) return live_sdks;
  if (strcmp(name, "live_slices") == 0) return live_slices;
  if (strcmp(name, "live_media") == 0) return live_media;
  if (strcmp(name, "last_limit") == 0) return last_limit;
  if (strcmp(name, "last_timeout") == 0) return last_timeout;
  return -1;
}

const char *StubLastProxy(void) { return last_proxy; }

/* ---- the documented API ---- */

StubSdk *NewSdk(void) {
  StubSdk *sdk = calloc(1, sizeof *sdk);
  sdk->magic = SDK_MAGIC;
  bump(&live_sdks, 1);
  return sdk;
}

void DestroySdk(StubSdk *sdk) {
  if (!sdk || sdk->magic != SDK_MAGIC) return;
  sdk->magic = 0;
  free(sdk);
  bump(&live_sdks, -1);
}

int Init(StubSdk *sdk, const char *corpid, const char *secret) {
  bump(&n_init, 1);
  if (!sdk || sdk->magic != SDK_MAGIC || !corpid || !*corpid || !secret || !*secret) return ERR_PARAM;
  if (init_fail) return init_fail;
  sdk->initialised = 1;
  return 0;
}

StubSlice *NewSlice(void) {
  bump(&live_slices, 1);
  return calloc(1, sizeof(StubSlice));
}

void FreeSlice(StubSlice *slice) {
  if (!slice) return;
  free(slice->buf);
  free(slice);
  bump(&live_slices, -1);
}

char *GetContentFromSlice(StubSlice *slice) { return slice ? slice->buf : NULL; }

int GetSliceLen(StubSlice *slice) { return slice ? slice->len : 0; }

static void slice_take(StubSlice *slice, char *buf, int len) {
  free(slice->buf);
  slice->buf = buf;
  slice->len = len;
}

/* A growing buffer for the GetChatData answer. */
typedef struct {
  char *buf;
  size_t len, cap;
} Text;

static void text_add(Text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    t->cap = (t->len + n + 1) * 2;
    t->buf = realloc(t->buf, t->cap);
  }
  memcpy(t->buf + t->len, s, n);
  t->len += n;
  t->buf[t->len] = '\0';
}

int GetChatData(StubSdk *sdk, unsigned long long seq, unsigned int limit, const char *proxy, const char *passwd, int timeout,
                StubSlice *chat_datas) {
  (void)passwd;
  bump(&n_getchatdata, 1);
  last_limit = limit;
  last_timeout = timeout;
  copy_string(last_proxy, sizeof last_proxy, proxy);
  if (!sdk || sdk->magic != SDK_MAGIC || !sdk->initialised || !chat_datas) return ERR_PARAM;
  if (limit < 1 || limit > 1000) return ERR_PARAM;
  int hang = take_failure(&hang_ms, &hang_count);
  if (hang > 0) sleep_ms(hang);
  int wait = take_failure(&delay_ms, &delay_count);
  if (wait > 0) {
    if (wait > timeout * 1000) {
      sleep_ms((long)timeout * 1000);
      return ERR_NETWORK;
    }
    sleep_ms(wait);
  }
  int injected = take_failure(&fail_code, &fail_count);
  if (injected) return injected;

  Text out = {0};
  const char *head = "{\"errcode\":0,\"errmsg\":\"ok\",\"chatdata\":[";
  text_add(&out, head, strlen(head));
  FILE *file = fixture_path[0] ? fopen(fixture_path, "r") : NULL;
  if (file) {
    char *line = NULL;
    size_t size = 0;
    unsigned int served = 0;
    ssize_t n;
    while (served < limit && (n = getline(&line, &size, file)) > 0) {
      char *tab = strchr(line, '\t');
      if (!tab) continue;
      if (strtoull(line, NULL, 10) <= seq) continue;
      char *item = tab + 1;
      size_t item_len = strlen(item);
      while (item_len > 0 && (item[item_len - 1] == '\n' || item[item_len - 1] == '\r')) item_len--;
      if (served > 0) text_add(&out, ",", 1);
      text_add(&out, item, item_len);
      served++;
    }
    free(line);
    fclose(file);
  }
  text_add(&out, "]}", 2);
  slice_take(chat_datas, out.buf, (int)out.len);
  return 0;
}

static int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

int DecryptData(const char *encrypt_key, const char *encrypt_msg, StubSlice *msg) {
  if (!encrypt_key || !encrypt_msg || !msg) return ERR_PARAM;
  size_t key_len = strlen(encrypt_key), in_len = strlen(encrypt_msg);
  if (key_len == 0) return ERR_DECRYPT;
  char *plain = malloc(in_len * 3 / 4 + 1);
  size_t out = 0;
  unsigned int acc = 0;
  int bits = 0;
  for (size_t i = 0; i < in_len && encrypt_msg[i] != '='; i++) {
    int v = b64_value((unsigned char)encrypt_msg[i]);
    if (v < 0) {
      free(plain);
      return ERR_DECRYPT;
    }
    acc = (acc << 6) | (unsigned int)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      plain[out] = (char)(((acc >> bits) & 0xff) ^ (unsigned char)encrypt_key[out % key_len]);
      out++;
    }
  }
  plain[out] = '\0';
  // Every record is a JSON object: anything else means the key was not the one it was encrypted with.
  if (out == 0 || plain[0] != '{' || plain[out - 1] != '}') {
    free(plain);
    return ERR_DECRYPT;
  }
  slice_take(msg, plain, (int)out);
  return 0;
}

StubMedia *NewMediaData(void) {
  bump(&live_media, 1);
  return calloc(1, sizeof(StubMedia));
}

void FreeMediaData(StubMedia *media) {
  if (!media) return;
  free(media->outindexbuf);
  free(media->data);
  free(media);
  bump(&live_media, -1);
}

char *GetOutIndexBuf(StubMedia *media) { return media ? media->outindexbuf : NULL; }
char *GetData(StubMedia *media) { return media ? media->data : NULL; }
int GetIndexLen(StubMedia *media) { return media ? media->out_len : 0; }
int GetDataLen(StubMedia *media) { return media ? media->data_len : 0; }
int IsMediaDataFinish(StubMedia *media) { return media ? media->is_finish : 0; }

int GetMediaData(StubSdk *sdk, const char *indexbuf, const char *sdk_fileid, const char *proxy, const char *passwd, int timeout,
                 StubMedia *media_data) {
  (void)proxy;
  (void)passwd;
  (void)timeout;
  bump(&n_getmediadata, 1);
  if (!sdk || sdk->magic != SDK_MAGIC || !sdk->initialised || !media_data || !sdk_fileid) return ERR_PARAM;
  int injected = take_failure(&media_fail_code, &media_fail_count);
  if (injected) return injected;
  if (!*sdk_fileid || strchr(sdk_fileid, '/') || !media_dir[0]) return ERR_FILEID;
  char path[8192];
  snprintf(path, sizeof path, "%s/%s", media_dir, sdk_fileid);
  FILE *file = fopen(path, "rb");
  if (!file) return ERR_FILEID;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  long offset = (indexbuf && *indexbuf) ? strtol(indexbuf, NULL, 10) : 0;
  if (offset < 0 || offset > size) {
    fclose(file);
    return ERR_PARAM;
  }
  long want = size - offset < media_chunk ? size - offset : media_chunk;
  char *data = malloc(want > 0 ? (size_t)want : 1);
  fseek(file, offset, SEEK_SET);
  size_t got = fread(data, 1, (size_t)want, file);
  fclose(file);
  free(media_data->data);
  free(media_data->outindexbuf);
  media_data->data = data;
  media_data->data_len = (int)got;
  media_data->outindexbuf = malloc(32);
  media_data->out_len = snprintf(media_data->outindexbuf, 32, "%ld", offset + (long)got);
  media_data->is_finish = offset + (long)got >= size;
  return 0;
}
