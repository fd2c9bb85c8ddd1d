#include "proctor_jpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
} proctor_error_mgr;

static void proctor_error_exit(j_common_ptr info) {
    proctor_error_mgr *manager = (proctor_error_mgr *)info->err;
    longjmp(manager->jump, 1);
}

static void proctor_output_message(j_common_ptr info) {
    (void)info;  // Warnings are not printed: libraries never print.
}

// libjpeg only warns when the data ends early (it pads the image with gray); Pillow refuses such a file ("image
// file is truncated"), so that warning is made an error. Other warnings (extraneous bytes, ...) are ignored.
static void proctor_emit_message(j_common_ptr info, int level) {
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) {
        proctor_error_exit(info);
    }
}

int proctor_jpeg_decode(const unsigned char *data, size_t size, size_t max_pixels, proctor_jpeg_image *image) {
    struct jpeg_decompress_struct info;
    proctor_error_mgr errors;
    // volatile: modified between setjmp and longjmp.
    unsigned char *volatile pixels = NULL;

    memset(image, 0, sizeof(*image));
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = proctor_error_exit;
    errors.base.output_message = proctor_output_message;
    errors.base.emit_message = proctor_emit_message;
    if (setjmp(errors.jump)) {
        errors.base.format_message((j_common_ptr)&info, image->message);
        jpeg_destroy_decompress(&info);
        free(pixels);
        image->pixels = NULL;
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_save_markers(&info, JPEG_APP0 + 14, 0xFFFF);
    jpeg_read_header(&info, TRUE);
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        info.out_color_space = JCS_CMYK;
    } else {
        info.out_color_space = JCS_RGB;
    }
    info.dct_method = JDCT_ISLOW;
    info.do_fancy_upsampling = TRUE;
    jpeg_start_decompress(&info);
    size_t width = info.output_width, height = info.output_height, components = info.output_components;
    if (width == 0 || height == 0 || width * height > max_pixels) {
        snprintf(image->message, sizeof(image->message), "image of %zux%zu pixels exceeds the limit of %zu pixels",
                 width, height, max_pixels);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    pixels = malloc(width * height * components);
    if (pixels == NULL) {
        snprintf(image->message, sizeof(image->message), "out of memory for %zux%zu pixels", width, height);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + (size_t)info.output_scanline * width * components;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    image->width = (int)width;
    image->height = (int)height;
    image->components = (int)components;
    image->adobe = info.saw_Adobe_marker ? 1 : 0;
    image->pixels = pixels;
    jpeg_destroy_decompress(&info);
    return 0;
}

void proctor_jpeg_free(proctor_jpeg_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}
