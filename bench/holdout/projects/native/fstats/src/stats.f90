! Descriptive statistics over real(8) arrays.
module stats
  implicit none
  private
  public :: mean, variance, clamp_all

contains

  pure function mean(x) result(m)
    real(8), intent(in) :: x(:)
    real(8) :: m
    m = sum(x) / size(x)
  end function mean

  pure function variance(x) result(v)
    real(8), intent(in) :: x(:)
    real(8) :: v, m
    integer :: i
    m = mean(x)
    v = 0.0d0
    do i = 1, size(x)
      v = v + (x(i) - m)**2
    end do
    v = v / (size(x) - 1)
  end function variance

  subroutine clamp_all(x, lo, hi)
    real(8), intent(inout) :: x(:)
    real(8), intent(in) :: lo, hi
    integer :: i
    do i = 1, size(x)
      x(i) = min(max(x(i), lo), hi)
    end do
  end subroutine clamp_all

end module stats
