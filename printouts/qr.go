package printouts

import "rsc.io/qr"

// drawQR draws text as a QR code (error correction M) of side size points
// with its top-left corner at (x, y), module by module as filled squares,
// so the PDF needs no image.
func (d *doc) drawQR(text string, x, y, size float64) error {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return err
	}
	n := code.Size
	cell := size / float64(n+8) // a quiet zone of 4 modules on each side
	for row := 0; row < n; row++ {
		for col := 0; col < n; col++ {
			if code.Black(col, row) {
				d.fillRect(x+float64(col+4)*cell, y+float64(row+4)*cell, cell, cell, 0)
			}
		}
	}
	return nil
}
