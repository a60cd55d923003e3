// Package uitest holds what the UI packages' tests share: reading what a canvas draws,
// finding and tapping widgets in it, and checking that the translation files hold
// exactly the keys the code asks for. Only tests import it.
package uitest
