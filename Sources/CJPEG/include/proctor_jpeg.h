// A tiny C helper around libjpeg: decodes a JPEG from memory with libjpeg's error manager routed through
// setjmp/longjmp, so a corrupt file returns an error instead of calling exit().
#ifndef PROCTOR_JPEG_H
#define PROCTOR_JPEG_H

#include <stddef.h>

/// The outcome of decoding one JPEG.
typedef struct {
    int width;
    int height;
    /// Components per pixel in `pixels`: 3 (RGB) or 4 (CMYK as stored in the file).
    int components;
    /// 1 if the file has an Adobe APP14 marker (its CMYK values are stored inverted).
    int adobe;
    /// Tightly packed rows of `width * components` bytes, allocated with malloc; free with proctor_jpeg_free.
    unsigned char *pixels;
    /// libjpeg's message when decoding failed.
    char message[200];
} proctor_jpeg_image;

/// Decodes `size` bytes of JPEG into RGB (or raw CMYK). Grayscale and YCbCr become RGB; ISLOW IDCT and fancy
/// upsampling (libjpeg's defaults, as Pillow uses). Images with more than `max_pixels` pixels are refused.
/// Returns 0 on success, -1 on error (with `message` set and no memory left allocated).
int proctor_jpeg_decode(const unsigned char *data, size_t size, size_t max_pixels, proctor_jpeg_image *image);

/// Frees the pixels of a decoded image.
void proctor_jpeg_free(proctor_jpeg_image *image);

#endif
